import "server-only";

import { runConnectionTest } from "../connection-test";
import { isVendorError, VendorError } from "../errors";
import type { ConnectionFor, ConnectionTestResult } from "../model";
import { ACCESS_PERMISSION, type CloudflareClient } from "./client";

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
          // Account-owned tokens verify under the account, user-owned ones under /user.
          const verified = await client
            .verifyAccountToken()
            .catch((error: unknown) =>
              isVendorError(error, "auth", "permission", "not-found")
                ? client.verifyUserToken()
                : Promise.reject(error),
            )
            .catch((error: unknown) => {
              if (!isVendorError(error, "auth", "permission", "not-found")) throw error;
              // Both refused it: unknown, revoked, or an account token of another account.
              throw error.with({
                kind: "auth",
                userMessage: `Cloudflare does not recognise the API token for account ${conn.accountId} (${error.vendorCode ?? error.status} ${error.vendorMessage ?? ""}). It is wrong or revoked, or it was created for another account: check the token and the account ID.`,
              });
            });
          const { status, expires_on: expiresOn } = verified.result;
          if (status !== "active") {
            throw new VendorError({
              vendor: "cloudflare",
              kind: "auth",
              operation: "verify the API token",
              retryable: false,
              userMessage: `The API token is ${status}. Create a new token (or re-enable it) and replace it in the connection settings.`,
            });
          }
          return `The API token is active${expiresOn ? ` until ${expiresOn}` : ""}.`;
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
