import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inventoryCertificates, inventoryConnections, inventoryEmptySets } from "@/lib/db/schema";
import { emptySetDigestFields } from "./empty-sets";
import { TEST_ENGINES } from "@/lib/testing/databases";
import { observedDigest, storedState, type DigestFields } from "./snapshot-digest";

const CONNECTION = "0f6c2a9e-3c1b-4d7e-9a41-2b5c8d0e1f23";
const OTHER = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

type Role = (typeof inventoryCertificates.$inferInsert)["role"];

const row = (fields: DigestFields, connectionId = CONNECTION) => ({
  ...fields,
  role: fields.role as Role,
  connectionId,
  vendor: "huawei" as const,
  setId: fields.key.split("/")[1]!,
  sha256: "AB".repeat(32),
  sha1: "CD".repeat(20),
  subject: "CN=x",
  issuer: "CN=x",
  serialNumber: "01",
  notBefore: new Date("2025-01-01T00:00:00Z"),
  notAfter: new Date("2030-01-01T00:00:00Z"),
  keyAlgorithm: "RSA",
  signatureAlgorithm: "sha256WithRSAEncryption",
  pem: "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n",
  firstSeenAt: new Date("2026-01-01T00:00:00Z"),
  lastSeenAt: new Date("2026-01-01T00:00:00Z"),
});

// Every kind of value a digest field takes: nulls, an empty string, separators, non-ASCII text,
// a breaks-at with milliseconds, keys whose order differs between byte order and a locale's.
const FIELDS: DigestFields[] = [
  {
    key: `${CONNECTION}/set-a/1`,
    setLabel: "Set A",
    setKind: "huawei-sp",
    slot: "primary",
    state: "ACTIVE",
    role: "signs-now",
    setBreaksAt: new Date("2027-03-04T05:06:07.089Z"),
  },
  {
    key: `${CONNECTION}/set-a/2`,
    setLabel: "Set A",
    setKind: "huawei-sp",
    slot: "x",
    state: null,
    role: null,
    setBreaksAt: null,
  },
  {
    key: `${CONNECTION}/Set-B/1`,
    setLabel: "Zertifikat für Ärzte · 证书 | 1:2",
    setKind: "k",
    slot: "",
    state: "INACTIVE",
    role: "inactive",
    setBreaksAt: new Date(0),
  },
  {
    key: `${CONNECTION}/set-b/1`,
    setLabel: "-",
    setKind: "k",
    slot: "3:abc",
    state: "-",
    role: null,
    setBreaksAt: new Date("1999-12-31T23:59:59.999Z"),
  },
];

describe.each(TEST_ENGINES)("snapshot digest on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    handle = await open();
    await handle.db
      .insert(inventoryCertificates)
      .values([...FIELDS.map((f) => row(f)), row({ ...FIELDS[0]!, key: `${OTHER}/set-a/1` }, OTHER)]);
    await handle.db.insert(inventoryCertificates).values({
      ...row({ ...FIELDS[0]!, key: `${CONNECTION}/gone/1` }),
      goneAt: new Date("2026-02-01T00:00:00Z"),
    });
  });
  afterAll(() => handle.close());

  it("is the same in SQL and in TypeScript, for the present rows of the connection only", async () => {
    const kept = await storedState(handle.db, CONNECTION);
    expect(kept.lastSuccessAt).toBeNull();
    expect({ count: kept.count, digest: kept.digest }).toEqual(observedDigest([...FIELDS].reverse()));
  });

  it("changes with any field of any row, and with a row more or less", async () => {
    const base = observedDigest(FIELDS).digest;
    const variants: DigestFields[][] = [
      FIELDS.slice(1),
      FIELDS.map((f, i) => (i === 1 ? { ...f, state: "" } : f)),
      FIELDS.map((f, i) => (i === 0 ? { ...f, setBreaksAt: new Date(f.setBreaksAt!.getTime() + 1) } : f)),
      FIELDS.map((f, i) => (i === 2 ? { ...f, role: "signs-now" } : f)),
      FIELDS.map((f, i) => (i === 3 ? { ...f, setLabel: "" } : f)),
      // Moving text between adjacent fields must not give the same digest.
      FIELDS.map((f, i) => (i === 0 ? { ...f, setLabel: "Set", setKind: " Ahuawei-sp" } : f)),
    ];
    for (const variant of variants) expect(observedDigest(variant).digest).not.toBe(base);
  });

  it("digests the connection's empty sets with its certificates, the same in SQL and in TypeScript", async () => {
    const empties = [
      { key: `${CONNECTION}/idp:okta`, setLabel: "Okta · ß | 1:2", setKind: "huawei-idp", signInFails: true },
      { key: `${CONNECTION}/sp`, setLabel: "", setKind: "huawei-sp", signInFails: false },
    ];
    await handle.db.insert(inventoryEmptySets).values(
      empties.map((e) => ({
        ...e,
        connectionId: CONNECTION,
        vendor: "huawei" as const,
        setId: e.key.split("/")[1]!,
        firstSeenAt: new Date("2026-01-01T00:00:00Z"),
      })),
    );
    const kept = await storedState(handle.db, CONNECTION);
    const withEmpties = observedDigest([...FIELDS, ...empties.map(emptySetDigestFields)]);
    expect({ count: kept.count, digest: kept.digest }).toEqual(withEmpties);
    expect(withEmpties.digest).not.toBe(observedDigest(FIELDS).digest);
    // Whether sign-in fails is part of it: an IdP enabled or disabled is a change to store.
    const flipped = empties.map((e, i) => (i === 0 ? { ...e, signInFails: false } : e));
    expect(observedDigest([...FIELDS, ...flipped.map(emptySetDigestFields)]).digest).not.toBe(
      withEmpties.digest,
    );
    await handle.db.delete(inventoryEmptySets);
  });

  it("reads the connection's last success with it, and an empty connection digests as no rows", async () => {
    await handle.db
      .insert(inventoryConnections)
      .values({ connectionId: OTHER, lastSuccessAt: new Date("2026-05-06T07:08:09.123Z") });
    const other = await storedState(handle.db, OTHER);
    expect(other.lastSuccessAt?.toISOString()).toBe("2026-05-06T07:08:09.123Z");
    expect(other.count).toBe(1);
    const none = await storedState(handle.db, "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e");
    expect(none).toEqual({ lastSuccessAt: null, ...observedDigest([]) });
  });
});
