import "server-only";

import { runConnectionTest } from "../connection-test";
import { VendorError } from "../errors";
import type { ConnectionFor, ConnectionTestResult } from "../model";
import type { CloudflareClient } from "./client";
import { ACCESS_PERMISSION, explainRefusal, readTokenStanding } from "./errors";

type Conn = ConnectionFor<"cloudflare">;

/**
 * Verify the token, then probe one page of SAML certificate sets: a token can be "active" and
 * still get 403 10000 for Access (missing permission group, or bound to another account).
 */
export function testCloudflareConnection(
  conn: Conn,
  client: CloudflareClient,
  now: () => number,
): Promise<ConnectionTestResult> {
  return runConnectionTest(
    [
      {
        name: "credentials",
        run: async () => {
          const standing = await readTokenStanding(client);
          const { token, accounts } = standing;
          const unusable =
            !token ||
            token.status !== "active" ||
            (accounts !== undefined && !accounts.some((a) => a.id === conn.accountId));
          if (unusable) {
            const refusal = new VendorError({
              vendor: "cloudflare",
              kind: "auth",
              operation: "verify the API token",
              retryable: false,
            });
            throw explainRefusal(standing, conn.accountId, refusal);
          }
          return `The API token is active${token.expires_on ? ` until ${token.expires_on}` : ""}.`;
        },
      },
      {
        name: `permission:${ACCESS_PERMISSION}`,
        run: async () => {
          await client.listSamlCertificateSets(1, 1);
          return `Read the SAML certificate sets of account ${conn.accountId}.`;
        },
        explain: (error) =>
          error.status === 404
            ? `Cloudflare found no Access SAML certificates for account ${conn.accountId}. Check the account ID (Dashboard → Account home → Account ID).`
            : undefined,
      },
    ],
    now,
  );
}
