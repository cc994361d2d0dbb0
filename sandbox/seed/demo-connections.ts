import { CLOUDFLARE_ACCOUNTS, CLOUDFLARE_TOKENS } from "./cloudflare-catalog";
import { HUAWEI_CREDENTIALS, HUAWEI_STORES } from "./huawei-catalog";
import { UIPATH_ORGS } from "./uipath-catalog";

/**
 * One connection in the dashboard's connection input shape (`connectionInputSchema`
 * in lib/connections/schemas.ts); kept as a local type so nothing here imports lib/.
 */
export type DemoConnection =
  | {
      vendor: "uipath";
      name: string;
      baseUrl: string;
      organizationName: string;
      partitionGlobalId: string;
      clientId: string;
      clientSecret: string;
      scopes: string;
    }
  | { vendor: "cloudflare"; name: string; baseUrl: string; accountId: string; apiToken: string }
  | {
      vendor: "huawei";
      name: string;
      baseUrl: string;
      region: string;
      identityStoreId: string;
      accessKeyId: string;
      secretAccessKey: string;
      securityToken?: string;
    };

/** The demo connections for the sandbox's base URLs. */
export function demoConnections(urls: {
  uipath: string;
  cloudflare: string;
  huawei: string;
}): DemoConnection[] {
  const uipath = Object.values(UIPATH_ORGS).map((org): DemoConnection => ({
    vendor: "uipath",
    name: `${org.displayName} (sandbox)`,
    baseUrl: urls.uipath,
    organizationName: org.name,
    partitionGlobalId: org.partitionGlobalId,
    clientId: org.dashboardApp.id,
    clientSecret: org.dashboardApp.secret!,
    scopes: org.dashboardApp.scopes.join(" "),
  }));
  const cloudflare = (["acme", "globex", "initech"] as const).map((key): DemoConnection => ({
    vendor: "cloudflare",
    name: `${CLOUDFLARE_ACCOUNTS[key].name} (sandbox)`,
    baseUrl: urls.cloudflare,
    accountId: CLOUDFLARE_ACCOUNTS[key].id,
    apiToken: CLOUDFLARE_TOKENS[key].value,
  }));
  const s = HUAWEI_STORES;
  const c = HUAWEI_CREDENTIALS;
  const huawei: DemoConnection[] = [
    {
      vendor: "huawei",
      name: "Acme Singapore (sandbox)",
      baseUrl: urls.huawei,
      region: s.acmeSingapore.region,
      identityStoreId: s.acmeSingapore.id,
      accessKeyId: c.acmeManagement.accessKey,
      secretAccessKey: c.acmeManagement.secretKey,
    },
    {
      vendor: "huawei",
      name: "Acme Beijing, temporary credentials (sandbox)",
      baseUrl: urls.huawei,
      region: s.acmeBeijing.region,
      identityStoreId: s.acmeBeijing.id,
      accessKeyId: c.acmeTemporary.accessKey,
      secretAccessKey: c.acmeTemporary.secretKey,
      securityToken: c.acmeTemporary.securityToken,
    },
    {
      vendor: "huawei",
      name: "Globex Cape Town (sandbox)",
      baseUrl: urls.huawei,
      region: s.globexCapeTown.region,
      identityStoreId: s.globexCapeTown.id,
      accessKeyId: c.globexDelegated.accessKey,
      secretAccessKey: c.globexDelegated.secretKey,
    },
  ];
  return [...uipath, ...cloudflare, ...huawei];
}
