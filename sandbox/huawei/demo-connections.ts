import type { DemoConnectionBase } from "../vendor-descriptor";
import { HUAWEI_CREDENTIALS as c, HUAWEI_STORES as s } from "./catalog";

/** A Huawei Cloud connection in the dashboard's connection input shape. */
export interface HuaweiDemoConnection extends DemoConnectionBase<"huawei"> {
  region: string;
  identityStoreId: string;
  accessKeyId: string;
  secretAccessKey: string;
  securityToken?: string;
}

/** A management AK, temporary credentials with a security token, and a delegated administrator. */
export function huaweiDemoConnections(baseUrl: string): HuaweiDemoConnection[] {
  return [
    {
      vendor: "huawei",
      name: "Acme Singapore (sandbox)",
      baseUrl,
      region: s.acmeSingapore.region,
      identityStoreId: s.acmeSingapore.id,
      accessKeyId: c.acmeManagement.accessKey,
      secretAccessKey: c.acmeManagement.secretKey,
    },
    {
      vendor: "huawei",
      name: "Acme Beijing, temporary credentials (sandbox)",
      baseUrl,
      region: s.acmeBeijing.region,
      identityStoreId: s.acmeBeijing.id,
      accessKeyId: c.acmeTemporary.accessKey,
      secretAccessKey: c.acmeTemporary.secretKey,
      securityToken: c.acmeTemporary.securityToken,
    },
    {
      vendor: "huawei",
      name: "Globex Cape Town (sandbox)",
      baseUrl,
      region: s.globexCapeTown.region,
      identityStoreId: s.globexCapeTown.id,
      accessKeyId: c.globexDelegated.accessKey,
      secretAccessKey: c.globexDelegated.secretKey,
    },
  ];
}
