import "server-only";

import { runConnectionTest } from "../connection-test";
import type { VendorError } from "../errors";
import type { ConnectionCheck, ConnectionFor, ConnectionTestResult } from "../model";
import { HUAWEI_ACTIONS, type HuaweiClient } from "./client";

type Conn = ConnectionFor<"huawei">;

/**
 * One signed read per permission (SP certificates, external IdPs), then a clock note if the
 * gateway had to correct our X-Sdk-Date.
 */
export async function testHuaweiConnection(
  conn: Conn,
  client: HuaweiClient,
  now: () => number,
): Promise<ConnectionTestResult> {
  const store = `${conn.baseUrl}/v1/identity-stores/${encodeURIComponent(conn.identityStoreId)}`;
  const result = await runConnectionTest(
    [
      {
        name: `permission:${HUAWEI_ACTIONS.listSp}`,
        url: `GET ${store}/saml-certificates`,
        explain: (error) => explainEndpoint(conn, error),
        run: async () => {
          const certificates = await client.listSpCertificates();
          return `The AK/SK signature was accepted; identity store ${conn.identityStoreId} has ${certificates.length} service-provider certificate${certificates.length === 1 ? "" : "s"}.`;
        },
      },
      {
        name: `permission:${HUAWEI_ACTIONS.listIdp}`,
        url: `GET ${store}/external-idp`,
        explain: (error) => explainEndpoint(conn, error),
        run: async () => {
          const { associations } = await client.listExternalIdps();
          return `Listed ${associations.length} external identity provider${associations.length === 1 ? "" : "s"}.`;
        },
      },
    ],
    now,
  );
  const extra: ConnectionCheck[] = [];
  const offset = client.clockOffsetMs();
  if (Math.abs(offset) >= 60_000) {
    const minutes = Math.round(Math.abs(offset) / 60_000);
    extra.push({
      name: "clock",
      ok: true,
      message: `This server's clock is ${minutes} minute${minutes === 1 ? "" : "s"} ${offset > 0 ? "behind" : "ahead of"} Huawei Cloud's. Requests are corrected, but fix the server's time (NTP).`,
    });
  }
  const region = regionCheck(conn);
  if (region) extra.push(region);
  const checks = [...result.checks, ...extra];
  return { ...result, ok: checks.every((check) => check.ok), checks };
}

/**
 * A store the endpoint does not know, or an endpoint that is not an Identity Store: say which
 * endpoint was asked and how it was chosen, since each region's endpoint knows only its stores.
 */
function explainEndpoint(conn: Conn, error: VendorError): string | undefined {
  const chosen =
    conn.endpointForm === "custom"
      ? `the custom endpoint ${conn.baseUrl}`
      : `${conn.baseUrl}, the endpoint of region ${conn.region}`;
  if (error.status === 404 && error.vendorCode === "APIGW.0101")
    return `${chosen} has no Identity Store API (APIGW.0101, the API does not exist). Check the endpoint: Identity Store endpoints look like https://identitystore.<region>.myhuaweicloud.com.`;
  if (error.status === 404)
    return `Asked ${chosen}: ${error.userMessage} Each region's endpoint knows only the stores of that region.`;
  return undefined;
}

/** A real Identity Store host names its region; a mismatch with the connection's region is a likely typo. */
function regionCheck(conn: Conn): ConnectionCheck | undefined {
  const hostRegion = /^identitystore\.([a-z0-9-]+)\.myhuaweicloud\.(com|eu)$/.exec(
    new URL(conn.baseUrl).hostname,
  )?.[1];
  if (!hostRegion || hostRegion === conn.region) return undefined;
  return {
    name: "region",
    ok: false,
    message: `The base URL is in region ${hostRegion} but the connection says ${conn.region}. Use the Identity Store host of the region where IAM Identity Center is enabled.`,
  };
}
