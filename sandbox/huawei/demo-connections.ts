import type { DemoConnectionBase } from "../vendor-descriptor";
import { HUAWEI_CREDENTIALS as c, HUAWEI_STORES as s } from "./catalog";

/** A Huawei Cloud connection in the dashboard's connection input shape. */
export interface HuaweiDemoConnection extends DemoConnectionBase<"huawei"> {
  /** The sandbox is a custom endpoint (not a region's documented Identity Store host). */
  endpointForm: "custom";
  region: string;
  identityStoreId: string;
  accessKeyId: string;
  secretAccessKey: string;
  securityToken?: string;
}

/** A management AK, temporary credentials with a security token, and a delegated administrator. */
export function huaweiDemoConnections(baseUrl: string): HuaweiDemoConnection[] {
  const onSandbox = { vendor: "huawei", baseUrl, endpointForm: "custom" } as const;
  return [
    {
      ...onSandbox,
      name: "Acme Singapore (sandbox)",
      region: s.acmeSingapore.region,
      identityStoreId: s.acmeSingapore.id,
      accessKeyId: c.acmeManagement.accessKey,
      secretAccessKey: c.acmeManagement.secretKey,
    },
    {
      ...onSandbox,
      name: "Acme Beijing, temporary credentials (sandbox)",
      region: s.acmeBeijing.region,
      identityStoreId: s.acmeBeijing.id,
      accessKeyId: c.acmeTemporary.accessKey,
      secretAccessKey: c.acmeTemporary.secretKey,
      securityToken: c.acmeTemporary.securityToken,
    },
    {
      ...onSandbox,
      name: "Globex Cape Town (sandbox)",
      region: s.globexCapeTown.region,
      identityStoreId: s.globexCapeTown.id,
      accessKeyId: c.globexDelegated.accessKey,
      secretAccessKey: c.globexDelegated.secretKey,
    },
  ];
}
