import "server-only";

import type { ConnectionFor } from "../model";
import type { VendorRateBudget } from "../rate-budget";

/** One API (operation) of one identity store at its regional endpoint. */
const api = (conn: ConnectionFor<"huawei">, operation: string) =>
  `${new URL(conn.baseUrl).host}/${conn.identityStoreId}/${operation}`;

/** The regional endpoint as a whole. */
const endpoint = (conn: ConnectionFor<"huawei">) => new URL(conn.baseUrl).host;

/**
 * Huawei Cloud does not document limits for the IAM Identity Center API; its API gateway
 * throttles per API and answers 429. These are our own conservative choices: 10 requests per
 * second and 300 per minute for each API of an identity store, and 20 per second for the whole
 * regional endpoint.
 */
export const huaweiRateBudget: VendorRateBudget<ConnectionFor<"huawei">> = {
  source: "not documented by Huawei Cloud; conservative budget chosen by Trustdeck",
  rules: [
    { name: "requests per second per API", limit: 10, windowMs: 1_000, scope: api },
    { name: "requests per minute per API", limit: 300, windowMs: 60_000, scope: api },
    { name: "requests per second per endpoint", limit: 20, windowMs: 1_000, scope: endpoint },
  ],
};
