import { stampedIssuer } from "../certs/stamped-certificates";
import { parseDer, toPem } from "../certs/parse-certificate";
import { seedTenants, spreadDays, tenantDay, tenantEpoch, type TenantSeedRequest } from "../core/tenants";
import type { HuaweiDemoConnection } from "./demo-connections";
import type { ExternalIdp, HuaweiRuntime, IdentityStore } from "./model";
import { SP_CERT_VALIDITY_MS } from "./sp-certificate-routes";

const REGIONS = ["ap-southeast-1", "cn-north-4", "af-south-1"] as const;
const IDP_VALIDITY_MS = 3 * 365 * 24 * 3600_000;

/**
 * Adds Huawei accounts of one identity store each (its own account, management AK/SK and Identity
 * Center instance), whose certificate sets are the store's service-provider certificates (one
 * active, one inactive) and `setsPerConnection − 1` external SAML IdPs of one or two imported
 * certificates each.
 */
export function addHuaweiTenants(
  runtime: HuaweiRuntime,
  request: TenantSeedRequest,
  baseUrl: string,
): Promise<HuaweiDemoConnection[]> {
  const { ids, state } = runtime;
  const epoch = tenantEpoch(runtime.clock.now());
  const storeIdOf = (label: string) => `d-${ids.hex(`${label}/store`, 10)}`;
  const keysOf = (label: string) => ({
    accessKey: ids.text(`${label}/ak`, 20),
    secretKey: ids.secret(`${label}/sk`, 40),
  });

  return seedTenants<IdentityStore, HuaweiDemoConnection>(request, {
    find: (slot) => state.stores.find((s) => s.id === storeIdOf(slot.label)),
    mismatch: (store, { setsPerConnection }) =>
      store.idps.length + 1 === setsPerConnection ? undefined : `with ${store.idps.length + 1} sets`,
    async build(slot) {
      const id = storeIdOf(slot.label);
      const store: IdentityStore = {
        id,
        instanceId: `ins-${ids.hex(`${slot.label}/instance`, 16)}`,
        region: REGIONS[slot.n % REGIONS.length]!,
        domainId: ids.hex(`${slot.label}/domain`, 32),
        spCertificates: [],
        idps: [],
      };
      const issueSp = stampedIssuer(
        `huawei/${slot.label}/sp`,
        {
          subject: `CN=IAM Identity Center SP ${id}, O=Huawei Cloud`,
          keys: runtime.keys.shared(),
          profile: "saml-signing",
        },
        SP_CERT_VALIDITY_MS,
      );
      for (const [i, active] of [true, false].entries()) {
        const cert = await issueSp(
          `${i}`,
          tenantDay(epoch, spreadDays(slot.n + i, active ? 60 : 1000, 2000)),
        );
        store.spCertificates.push({
          id: `cer-${ids.uuid(`${slot.label}/sp/${i}`)}`,
          pem: toPem(cert.der, "\r\n"),
          expiry: cert.notAfter,
          active,
        });
      }
      const issueIdp = stampedIssuer(
        `huawei/${slot.label}/idp`,
        {
          subject: `CN=${slot.slug}.idp.example, O=${slot.displayName}`,
          keys: runtime.keys.shared(),
          profile: "saml-signing",
        },
        IDP_VALIDITY_MS,
      );
      for (let k = 0; k < request.setsPerConnection - 1; k++) {
        const idpLabel = `${slot.label}/idp/${k}`;
        const idp: ExternalIdp = {
          id: ids.uuid(idpLabel),
          enabled: k === 0,
          entityId: `https://${slot.slug}.idp.example/saml/${k + 1}`,
          loginUrl: `https://${slot.slug}.idp.example/saml/${k + 1}/sso`,
          wantRequestSigned: false,
          certificates: [],
        };
        // Every IdP trusts a valid certificate; every third one also its successor, staged.
        const expiries = [spreadDays(k, 5, 700)];
        if (k % 3 === 0) expiries.push(spreadDays(k, 700, 300));
        for (const [c, days] of expiries.entries()) {
          const issued = await issueIdp(`${k}/${c}`, tenantDay(epoch, days));
          idp.certificates.push({
            id: ids.uuid(`${idpLabel}/certificate/${c}`),
            pem: `${toPem(issued.der, "\r\n")}\r\n`,
            parsed: parseDer(issued.der)!,
          });
        }
        store.idps.push(idp);
      }
      return store;
    },
    add(built) {
      for (const { account: store, slot } of built) {
        state.stores.push(store);
        state.credentials.push({ ...keysOf(slot.label), domainId: store.domainId, role: "management" });
      }
    },
    connection(store, slot) {
      const keys = keysOf(slot.label);
      return {
        vendor: "huawei",
        name: `${slot.displayName} (sandbox tenant)`,
        baseUrl,
        endpointForm: "custom",
        region: store.region,
        identityStoreId: store.id,
        accessKeyId: keys.accessKey,
        secretAccessKey: keys.secretKey,
      };
    },
  });
}
