import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createConnection } from "@/lib/connections/data";
import { connectionInputSchema } from "@/lib/connections/schemas";
import { generateKey, parseKey } from "@/lib/secrets/crypto";
import { TEST_ENGINES } from "@/lib/testing/databases";
import { allowSandboxHosts } from "@/lib/vendors/testing/sandbox-fixture";
import { startSandbox, type Sandbox } from "@/sandbox/server";
import { applyFederatedSnapshot, type ObservedFederation } from "./federated-snapshot";
import { startRefresh } from "./refresh";

const key = parseKey(generateKey());
const t0 = new Date("2026-06-01T00:00:00.000Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

type Db = Awaited<ReturnType<(typeof TEST_ENGINES)[number]["open"]>>["db"];
type Table = "inventory_federated_credentials" | "inventory_federated_applications";

async function query<T>(db: Db, statement: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

/** Each row's version: PostgreSQL gives a row a new `xmin` and place whenever it is written. */
async function rowVersions(db: Db, table: Table): Promise<Map<string, string>> {
  const rows = await query<{ key: string; version: string }>(
    db,
    sql.raw(`SELECT key, xmin::text || ':' || ctid::text AS version FROM ${table}`),
  );
  return new Map(rows.map((r) => [r.key, r.version]));
}

/** Keys whose row was written between two snapshots of row versions (new rows included). */
function rewritten(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after]
    .filter(([k, v]) => before.get(k) !== v)
    .map(([k]) => k)
    .sort();
}

async function events(db: Db, connectionId: string) {
  return query<{ item_key: string; kind: string; details: Record<string, unknown> }>(
    db,
    sql`SELECT item_key, kind, details FROM inventory_events WHERE connection_id = ${connectionId} ORDER BY id`,
  );
}

async function credentialRows(db: Db, connectionId: string) {
  return query<{
    key: string;
    application_name: string;
    issuer: string | null;
    description: string | null;
    first_seen_at: Date | string;
    gone_at: Date | string | null;
  }>(
    db,
    sql`SELECT key, application_name, issuer, description, first_seen_at, gone_at
        FROM inventory_federated_credentials WHERE connection_id = ${connectionId} ORDER BY key`,
  );
}

/** Two applications: "Fleet 1" holds c1 and c2, "Deploy" holds c3. */
function federation(connectionId: string, edit: (f: ObservedFederation) => void = () => undefined) {
  const app = (clientId: string, name: string) => ({
    key: `${connectionId}/${clientId}`,
    clientId,
    name,
    isConfidential: true,
    scopes: ["PM.OAuthApp.Read"],
  });
  const credential = (clientId: string, applicationName: string, id: string) => ({
    key: `${connectionId}/${clientId}/${id}`,
    clientId,
    applicationName,
    credentialId: id,
    name: `robot-${id}`,
    issuer: "https://token.actions.githubusercontent.com",
    audience: "https://cloud.uipath.com/acme",
    subject: `repo:acme/${id}:ref:refs/heads/main`,
    description: null,
    vendorCreatedAt: "2026-01-01T00:00:00Z",
    vendorUpdatedAt: "2026-01-01T00:00:00Z",
  });
  const observed: ObservedFederation = {
    applications: [app("fleet", "Fleet 1"), app("deploy", "Deploy")],
    credentials: [
      credential("fleet", "Fleet 1", "c1"),
      credential("fleet", "Fleet 1", "c2"),
      credential("deploy", "Deploy", "c3"),
    ],
  };
  edit(observed);
  return observed;
}

describe.each(TEST_ENGINES)("federated snapshot writes only what changed on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  const conn = crypto.randomUUID();
  const k = (rest: string) => `${conn}/${rest}`;

  beforeAll(async () => {
    handle = await open();
    expect(await applyFederatedSnapshot(handle.db, conn, federation(conn), at(0))).toBe(3);
  });
  afterAll(() => handle.close());

  it("a snapshot with nothing changed rewrites no row and appends no history", async () => {
    const creds = await rowVersions(handle.db, "inventory_federated_credentials");
    const apps = await rowVersions(handle.db, "inventory_federated_applications");
    const history = (await events(handle.db, conn)).length;

    expect(await applyFederatedSnapshot(handle.db, conn, federation(conn), at(10))).toBe(0);

    expect(rewritten(creds, await rowVersions(handle.db, "inventory_federated_credentials"))).toEqual([]);
    expect(rewritten(apps, await rowVersions(handle.db, "inventory_federated_applications"))).toEqual([]);
    expect(await events(handle.db, conn)).toHaveLength(history);
  });

  it("rewrites only the changed credentials: an issuer edit with history, a description edit without", async () => {
    const creds = await rowVersions(handle.db, "inventory_federated_credentials");
    const apps = await rowVersions(handle.db, "inventory_federated_applications");
    const history = (await events(handle.db, conn)).length;
    const edited = federation(conn, (f) => {
      f.credentials[0]!.issuer = "https://gitlab.example.com";
      f.credentials[1]!.description = "nightly build";
    });

    expect(await applyFederatedSnapshot(handle.db, conn, edited, at(20))).toBe(1);

    expect(rewritten(creds, await rowVersions(handle.db, "inventory_federated_credentials"))).toEqual([
      k("fleet/c1"),
      k("fleet/c2"),
    ]);
    expect(rewritten(apps, await rowVersions(handle.db, "inventory_federated_applications"))).toEqual([]);
    const added = (await events(handle.db, conn)).slice(history);
    expect(added).toEqual([
      {
        item_key: k("fleet/c1"),
        kind: "state-changed",
        details: {
          from: expect.objectContaining({ issuer: "https://token.actions.githubusercontent.com" }),
          to: expect.objectContaining({ issuer: "https://gitlab.example.com" }),
        },
      },
    ]);
    const rows = await credentialRows(handle.db, conn);
    expect(rows.map((r) => [r.key, r.issuer, r.description])).toEqual([
      [k("deploy/c3"), "https://token.actions.githubusercontent.com", null],
      [k("fleet/c1"), "https://gitlab.example.com", null],
      [k("fleet/c2"), "https://token.actions.githubusercontent.com", "nightly build"],
    ]);
    // The same read again: nothing more to write.
    const settled = await rowVersions(handle.db, "inventory_federated_credentials");
    expect(await applyFederatedSnapshot(handle.db, conn, edited, at(25))).toBe(0);
    expect(rewritten(settled, await rowVersions(handle.db, "inventory_federated_credentials"))).toEqual([]);
  });

  it("a renamed application, a credential gone and an application gone are written with their history", async () => {
    const creds = await rowVersions(handle.db, "inventory_federated_credentials");
    const apps = await rowVersions(handle.db, "inventory_federated_applications");
    const history = (await events(handle.db, conn)).length;
    const changed = federation(conn, (f) => {
      f.credentials[0]!.issuer = "https://gitlab.example.com";
      f.credentials[1]!.description = "nightly build";
      f.applications = [{ ...f.applications[0]!, name: "Fleet One" }];
      f.credentials = [{ ...f.credentials[0]!, applicationName: "Fleet One" }];
    });

    expect(await applyFederatedSnapshot(handle.db, conn, changed, at(30))).toBe(2);

    expect(rewritten(creds, await rowVersions(handle.db, "inventory_federated_credentials"))).toEqual([
      k("deploy/c3"),
      k("fleet/c1"),
      k("fleet/c2"),
    ]);
    expect(rewritten(apps, await rowVersions(handle.db, "inventory_federated_applications"))).toEqual([
      k("deploy"),
      k("fleet"),
    ]);
    const added = (await events(handle.db, conn)).slice(history);
    expect(added.map((e) => [e.item_key, e.kind])).toEqual([
      [k("deploy/c3"), "disappeared"],
      [k("fleet/c2"), "disappeared"],
    ]);
    const rows = await credentialRows(handle.db, conn);
    expect(rows.map((r) => [r.key, r.application_name, r.gone_at !== null])).toEqual([
      [k("deploy/c3"), "Deploy", true],
      [k("fleet/c1"), "Fleet One", false],
      [k("fleet/c2"), "Fleet 1", true],
    ]);
    const [deploy] = await query<{ gone: boolean }>(
      handle.db,
      sql`SELECT gone_at IS NOT NULL AS gone FROM inventory_federated_applications WHERE key = ${k("deploy")}`,
    );
    expect(deploy!.gone).toBe(true);
  });

  it("a credential that comes back is present again, keeping its first sighting", async () => {
    const history = (await events(handle.db, conn)).length;
    expect(await applyFederatedSnapshot(handle.db, conn, federation(conn), at(40))).toBe(3);

    const added = (await events(handle.db, conn)).slice(history);
    expect(added.map((e) => [e.item_key, e.kind])).toEqual([
      [k("fleet/c1"), "state-changed"],
      [k("fleet/c2"), "appeared"],
      [k("deploy/c3"), "appeared"],
    ]);
    const rows = await credentialRows(handle.db, conn);
    expect(rows.every((r) => r.gone_at === null)).toBe(true);
    expect(rows.map((r) => new Date(r.first_seen_at).toISOString())).toEqual(
      rows.map(() => t0.toISOString()),
    );
  });
});

describe.each(TEST_ENGINES)("an unchanged refresh of UiPath connections on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  let sb: Sandbox;
  let restoreHosts: (() => void) | undefined;

  beforeAll(async () => {
    handle = await open();
    sb = await startSandbox({ ports: { uipath: 0, cloudflare: 0, huawei: 0, issuers: 0 }, control: true });
    restoreHosts = allowSandboxHosts(sb);
    const { connections } = await sb.control.addTenants({
      vendor: "uipath",
      name: "Refresh",
      connections: 3,
      setsPerConnection: 1,
      federatedCredentialsPerConnection: 30,
    });
    for (const c of connections) await createConnection(handle.db, key, connectionInputSchema.parse(c));
  });
  afterAll(async () => {
    restoreHosts?.();
    await sb?.stop();
    await handle?.close();
  });

  const refresh = async () => {
    await sb.control.clearRequests();
    const run = await startRefresh(handle.db, key, { trigger: "manual", actorName: "test" });
    await run.finished;
    return (await sb.control.requests("uipath")).map(
      (e) =>
        `${e.method} ${e.path
          .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "{id}")
          .replace(/^\/(?!identity_\/)[^/]+\/identity_\//, "/{org}/identity_/")}`,
    );
  };
  const tally = (requests: string[]) =>
    Object.fromEntries([...new Set(requests)].sort().map((r) => [r, requests.filter((x) => x === r).length]));

  it("reads each organization once with the token it already holds, and rewrites no federated row", async () => {
    const first = await refresh();
    // One token exchange per organization, then its SAML pair, its 3 applications and the credentials of each.
    expect(tally(first)).toEqual({
      "GET /identity_/api/ExternalClient/{id}/{id}/FederatedCredentials": 9,
      "GET /{org}/identity_/api/ExternalClient/{id}": 3,
      "GET /{org}/identity_/api/SamlCertificate/{id}/certificates": 3,
      "POST /identity_/connect/token": 3,
    });
    const creds = await rowVersions(handle.db, "inventory_federated_credentials");
    const apps = await rowVersions(handle.db, "inventory_federated_applications");
    expect(creds.size).toBe(90);
    expect(apps.size).toBe(9);

    const second = await refresh();
    expect(tally(second)).toEqual({
      "GET /identity_/api/ExternalClient/{id}/{id}/FederatedCredentials": 9,
      "GET /{org}/identity_/api/ExternalClient/{id}": 3,
      "GET /{org}/identity_/api/SamlCertificate/{id}/certificates": 3,
    });
    expect(rewritten(creds, await rowVersions(handle.db, "inventory_federated_credentials"))).toEqual([]);
    expect(rewritten(apps, await rowVersions(handle.db, "inventory_federated_applications"))).toEqual([]);
  });
});
