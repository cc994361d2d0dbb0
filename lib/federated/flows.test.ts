import { createServer } from "node:net";
import { rootCertificates } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { createUiPathAdapter } from "@/lib/vendors/uipath/adapter";
import { TokenCache } from "@/lib/vendors/uipath/auth";
import { sandboxFixture, testHttp } from "@/lib/vendors/testing/sandbox-fixture";
import { parseAllowList } from "@/lib/net/allow-list";
import { deleteCredential, saveCredential, vendorFailure } from "./mutations";
import { readConnectionFederation, type FederatedOps } from "./read";
import { exchangeForTest, keysForTester } from "./tester";

const sb = sandboxFixture();
const CREDENTIALS = /\/FederatedCredentials$/;
const AUD = "https://cloud.uipath.com/contoso";
let closedPort = 0;
let database: Awaited<ReturnType<typeof openDatabase>>;
beforeAll(async () => {
  database = await openDatabase({ pgliteDir: "memory://" });
}, 30_000);
afterAll(() => database.close());
beforeAll(async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
});

function deps() {
  const ops: FederatedOps = createUiPathAdapter({
    tokens: new TokenCache(),
    http: testHttp(),
  }).federatedCredentials;
  return {
    ops,
    writer: { db: database.db, actor: { id: null, name: "test", role: "operator" as const }, sourceIp: null },
    preflight: {
      allow: parseAllowList("localhost"),
      timeoutMs: 15_000, // generous for a busy machine
      maxBytes: 512 * 1024,
      ca: [...rootCertificates, sb.sandbox.caPem],
    },
  };
}
const github = () => sb.sandbox.urls.issuers["github-actions"] ?? "";

async function appOf(org: string, name: string) {
  const conn = sb.conn("uipath", org);
  const app = (await deps().ops.listExternalApplications(conn)).find((a) => a.name === name);
  if (!app) throw new Error(`no app ${name}`);
  return {
    conn,
    app,
    target: { connectionId: "4b0c1f3e-8f5e-4a8e-9c39-2a6b1f7d9e10", clientId: app.clientId },
  };
}

describe("reading every application of a connection", () => {
  it("lists Contoso's apps with their credentials; CI Fleet is at 20", async () => {
    const federation = await readConnectionFederation(sb.conn("uipath", "Contoso"), deps().ops);
    expect(federation).toMatchObject({ error: null, canWrite: true, suggestedAudience: AUD });
    const fleet = federation.apps.find((a) => a.name === "CI Fleet");
    expect(fleet?.credentials).toHaveLength(20);
    expect(
      federation.apps.find((a) => a.name === "GitHub Deploy")?.credentials?.map((c) => c.name),
    ).toContain("GitHub Actions");
  });

  it("marks a connection whose scopes only read", async () => {
    expect(await readConnectionFederation(sb.conn("uipath", "Fabrikam"), deps().ops)).toMatchObject({
      canWrite: false,
      error: null,
    });
  });

  it("reports a failing connection in place instead of throwing", async () => {
    const federation = await readConnectionFederation(
      { ...sb.conn("uipath", "Tailspin"), clientSecret: "wrong" },
      deps().ops,
    );
    expect(federation).toMatchObject({ apps: [], error: { kind: "auth" } });
  });
});

describe("saving: lint, preflight, then one write", () => {
  it("creates, edits and deletes, returning before and after", async () => {
    const { conn, target } = await appOf("Contoso", "Nightly Reports");
    const input = {
      ...target,
      name: "nightly",
      issuer: github(),
      audience: AUD,
      subject: "repo:contoso/nightly:ref:refs/heads/main",
      description: undefined,
    };
    const created = await saveCredential(conn, input, deps());
    expect(created).toMatchObject({
      ok: true,
      before: null,
      credential: { name: "nightly", subject: input.subject },
      preflight: { ok: true },
    });
    const id = created.ok ? created.credential.id : "";
    const edited = await saveCredential(
      conn,
      { ...input, credentialId: id, subject: "repo:contoso/nightly:environment:prod" },
      deps(),
    );
    expect(edited).toMatchObject({
      ok: true,
      before: { subject: input.subject },
      credential: { subject: "repo:contoso/nightly:environment:prod" },
    });
    expect(await deleteCredential(conn, { ...target, credentialId: id }, deps())).toMatchObject({
      ok: true,
      before: { name: "nightly" },
    });
    expect(await deleteCredential(conn, { ...target, credentialId: id }, deps())).toMatchObject({
      ok: false,
      code: "not-found",
    });
  });

  it("refuses a 21st credential before calling UiPath; UiPath itself refuses it too", async () => {
    const { conn, app, target } = await appOf("Contoso", "CI Fleet");
    const input = {
      ...target,
      name: "one-too-many",
      issuer: github(),
      audience: AUD,
      subject: "repo:contoso/x:pull_request",
      description: undefined,
    };
    const refused = await saveCredential(conn, input, deps());
    expect(refused).toMatchObject({
      ok: false,
      code: "lint",
      fieldErrors: { form: [expect.stringContaining("maximum of 20")] },
    });
    expect(await sb.count("uipath", "POST", CREDENTIALS)).toBe(0);
    const vendor = await deps()
      .ops.createFederatedCredential(conn, app.clientId, input)
      .catch((e: unknown) => e);
    expect(vendorFailure(vendor as never)).toMatchObject({
      code: "vendor-validation",
      fieldErrors: { form: [expect.stringContaining("at most 20")] },
      requestId: expect.any(String),
    });
  });

  it("refuses a duplicate name (even in another case); UiPath's own refusal maps to the name field", async () => {
    const { conn, app, target } = await appOf("Contoso", "GitHub Deploy");
    const input = {
      ...target,
      name: "github actions",
      issuer: github(),
      audience: AUD,
      subject: "repo:contoso/robots:ref:refs/tags/v1",
      description: undefined,
    };
    expect(await saveCredential(conn, input, deps())).toMatchObject({
      ok: false,
      code: "lint",
      fieldErrors: { name: [expect.stringContaining("only in case")] },
    });
    const vendor = await deps()
      .ops.createFederatedCredential(conn, app.clientId, input)
      .catch((e: unknown) => e);
    expect(vendorFailure(vendor as never)).toMatchObject({
      code: "vendor-validation",
      fieldErrors: { name: [expect.stringContaining("already exists")] },
    });
  });

  it("refuses an unreachable issuer in the preflight, without writing", async () => {
    const { conn, target } = await appOf("Contoso", "Nightly Reports");
    const input = {
      ...target,
      name: "unreachable",
      issuer: `https://localhost:${closedPort}/issuer`,
      audience: AUD,
      subject: "sub",
      description: undefined,
    };
    const refused = await saveCredential(conn, input, deps());
    expect(refused).toMatchObject({
      ok: false,
      code: "preflight",
      fieldErrors: { issuer: [expect.stringContaining("refused the connection")] },
      preflight: { ok: false },
    });
    expect(await sb.count("uipath", "POST", CREDENTIALS)).toBe(0);
  });

  it("refuses an issuer whose JWKS is missing, as UiPath would", async () => {
    const { conn, app, target } = await appOf("Contoso", "Nightly Reports");
    const input = {
      ...target,
      name: "broken",
      issuer: sb.sandbox.urls.issuers["no-jwks"] ?? "",
      audience: AUD,
      subject: "sub",
      description: undefined,
    };
    expect(await saveCredential(conn, input, deps())).toMatchObject({
      ok: false,
      code: "preflight",
      message: expect.stringContaining("HTTP 404"),
    });
    const vendor = await deps()
      .ops.createFederatedCredential(conn, app.clientId, input)
      .catch((e: unknown) => e);
    expect(vendorFailure(vendor as never)).toMatchObject({
      fieldErrors: { issuer: [expect.stringContaining("unreachable")] },
    });
  });

  it("a connection without the write scope gets UiPath's permission error", async () => {
    const { conn, target } = await appOf("Fabrikam", "Ops Automation");
    const input = {
      ...target,
      name: "new",
      issuer: sb.sandbox.urls.issuers.kubernetes ?? "",
      audience: "aud",
      subject: "system:serviceaccount:a:b",
      description: undefined,
    };
    expect(await saveCredential(conn, input, deps())).toMatchObject({
      ok: false,
      code: "vendor-permission",
      message: expect.stringContaining("PM.OAuthApp.Write"),
    });
  });
});

describe("the tester's server half", () => {
  it("reads the keys of a trusted issuer only", async () => {
    const { conn, target } = await appOf("Contoso", "GitHub Deploy");
    const keys = await keysForTester(conn, { ...target, issuer: github() }, deps());
    expect(keys).toMatchObject({ ok: true, issuer: github() });
    expect(keys.ok && keys.keys).toHaveLength(2);
    expect(
      await keysForTester(conn, { ...target, issuer: sb.sandbox.urls.issuers.gitlab ?? "" }, deps()),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining("No credential of this application trusts"),
    });
  });

  it("exchanges a good token (granted scopes, expiry, no token) and names sub for a wrong subject", async () => {
    const { conn, app, target } = await appOf("Contoso", "GitHub Deploy");
    const good = await sb.mint(github(), { sub: "repo:contoso/robots:ref:refs/heads/main", aud: AUD });
    const scope = app.scopes.join(" ");
    const ok = await exchangeForTest(conn, { ...target, assertion: good, scope });
    expect(ok).toMatchObject({
      ok: true,
      result: { grantedScopes: app.scopes, tokenType: "Bearer" },
      claims: { sub: "repo:contoso/robots:ref:refs/heads/main" },
    });
    expect(JSON.stringify(ok)).not.toContain("eyJ");
    const wrong = await sb.mint(github(), { sub: "repo:contoso/robots:ref:refs/heads/dev", aud: AUD });
    expect(await exchangeForTest(conn, { ...target, assertion: wrong, scope })).toMatchObject({
      ok: false,
      code: "vendor-auth",
      point: "sub",
    });
    const badScope = await exchangeForTest(conn, { ...target, assertion: good, scope: "PM.AuthSetting" });
    expect(badScope).toMatchObject({ ok: false, point: "scope" });
  });
});
