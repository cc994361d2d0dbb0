import { describe, expect, it } from "vitest";

// Expired, disabled and under-privileged tokens exist only in the sandbox's catalog.
import { CLOUDFLARE_TOKENS } from "@/sandbox/cloudflare/catalog";
import type { VendorError } from "../errors";
import { sandboxFixture, testHttp } from "../testing/sandbox-fixture";
import { createCloudflareAdapter } from "./adapter";
import { CloudflareClient } from "./client";

// Cloudflare answers 403 10000 to an expired token, a disabled one, one for another account and
// one without the Access permission alike; the adapter asks Cloudflare about the token to say which.

const sb = sandboxFixture();
const LIST = /\/access\/saml_certificates$/;

function acme(apiToken: string = CLOUDFLARE_TOKENS.acme.value) {
  return { ...sb.conn("cloudflare", "Acme"), apiToken };
}

async function listFails(conn: ReturnType<typeof acme>): Promise<VendorError> {
  const adapter = createCloudflareAdapter({ http: testHttp() });
  return adapter.listCertificateSets(conn).then(
    () => expect.unreachable(),
    (e: unknown) => e as VendorError,
  );
}

describe("Cloudflare refusals, diagnosed", () => {
  it("an expired token is credentials-expired, with its date, not a missing permission", async () => {
    const error = await listFails(acme(CLOUDFLARE_TOKENS.acmeExpired.value));
    expect(error).toMatchObject({
      kind: "credentials-expired",
      status: 403,
      vendorCode: "10000",
      retryable: false,
    });
    expect(error.userMessage).toMatch(/^The Cloudflare API token expired on \d{4}-\d\d-\d\dT/);
    expect(error.userMessage).not.toMatch(/lacks/);
    // The refused read is not retried; the diagnosis is one verify per endpoint.
    expect(await sb.count("cloudflare", "GET", LIST)).toBe(1);
    expect(await sb.count("cloudflare", "GET", /\/tokens\/verify$/)).toBe(2);
  });

  it("a disabled token is named as disabled", async () => {
    const error = await listFails(acme(CLOUDFLARE_TOKENS.acmeDisabled.value));
    expect(error).toMatchObject({ kind: "auth", status: 403 });
    expect(error.userMessage).toMatch(/^The Cloudflare API token is disabled\./);
  });

  it("a valid token without the Access permission is a missing permission, naming it", async () => {
    const error = await listFails(acme(CLOUDFLARE_TOKENS.acmeNoAccess.value));
    expect(error).toMatchObject({ kind: "permission", status: 403 });
    expect(error.userMessage).toMatch(
      /^The API token is valid for account [0-9a-f]{32} but lacks the “Access: Organizations, Identity Providers, and Groups” permission\./,
    );
  });

  it("a valid token of another account is wrong-account, naming the account it can use", async () => {
    const conn = { ...acme(), accountId: sb.conn("cloudflare", "Globex").accountId };
    const error = await listFails(conn);
    expect(error).toMatchObject({ kind: "wrong-account", status: 403 });
    expect(error.userMessage).toMatch(
      /^The API token is valid but not for account [0-9a-f]{32}; it may act on “Acme Corp”\./,
    );
  });

  it("an unknown token is credentials Cloudflare does not recognise", async () => {
    const error = await listFails(acme("x".repeat(40)));
    expect(error).toMatchObject({ kind: "auth" });
    expect(error.userMessage).toMatch(/^Cloudflare does not recognise the API token/);
  });

  it("a rotate refused for an expired token is diagnosed, not ambiguous, and sent once", async () => {
    const [set] = await createCloudflareAdapter({ http: testHttp() }).listCertificateSets(acme());
    const client = new CloudflareClient(acme(CLOUDFLARE_TOKENS.acmeExpired.value), testHttp());
    const error = await client.rotateSamlCertificateSet(set?.id ?? "").then(
      () => expect.unreachable(),
      (e: unknown) => e as VendorError,
    );
    expect(error).toMatchObject({ kind: "credentials-expired", ambiguous: false, outcome: "not-applied" });
    expect(await sb.count("cloudflare", "POST", /\/rotate$/)).toBe(1);
  });

  it("the connection test names an expired token and another account at the credentials step", async () => {
    const adapter = createCloudflareAdapter({ http: testHttp() });
    const expired = await adapter.testConnection(acme(CLOUDFLARE_TOKENS.acmeExpired.value));
    expect(expired.checks).toEqual([
      expect.objectContaining({
        name: "credentials",
        ok: false,
        error: expect.objectContaining({ kind: "credentials-expired" }),
      }),
    ]);
    const other = await adapter.testConnection({
      ...acme(),
      accountId: sb.conn("cloudflare", "Globex").accountId,
    });
    expect(other.checks[0]).toMatchObject({ ok: false, error: { kind: "wrong-account" } });
  });
});
