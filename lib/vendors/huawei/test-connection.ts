import "server-only";

import { runConnectionTest } from "../connection-test";
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
  const result = await runConnectionTest(
    [
      {
        name: `permission:${HUAWEI_ACTIONS.listSp}`,
        run: async () => {
          const certificates = await client.listSpCertificates();
          return `The AK/SK signature was accepted; identity store ${conn.identityStoreId} has ${certificates.length} service-provider certificate${certificates.length === 1 ? "" : "s"}.`;
        },
      },
      {
        name: `permission:${HUAWEI_ACTIONS.listIdp}`,
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
