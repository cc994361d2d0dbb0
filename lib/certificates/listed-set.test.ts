import { describe, expect, it } from "vitest";
import { withDeadline } from "@/lib/inventory/with-deadline";
import { listedSetsFrom, type InventorySetRow } from "./listed-set";
import { setStatus } from "./status";

const NOW = new Date("2026-11-23T12:00:00Z");
const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

function row(setId: string, slot: string, extra: Partial<InventorySetRow> = {}): InventorySetRow {
  return {
    connectionId: "c1",
    vendor: "uipath",
    setId,
    setLabel: `Set ${setId}`,
    setKind: "uipath-saml",
    slot,
    state: null,
    role: null,
    sha256: `${setId}-${slot}`.toUpperCase(),
    sha1: "AB",
    subject: `CN=${setId}`,
    commonName: setId,
    issuer: `CN=${setId}`,
    serialNumber: "01",
    notBefore: day(-300),
    notAfter: day(100),
    keyAlgorithm: "RSA",
    keySize: 2048,
    signatureAlgorithm: "sha256WithRSAEncryption",
    ...extra,
  };
}

describe("sets rebuilt from inventory rows", () => {
  it("puts an empty named slot back, in the kind's slot order", () => {
    const [set] = listedSetsFrom([row("org", "primary", { notAfter: day(5) })]);
    expect(set!.slots.map((s) => [s.slot, s.certificate?.sha256 ?? null])).toEqual([
      ["primary", "ORG-PRIMARY"],
      ["secondary", null],
    ]);
    expect(setStatus(set!, NOW)).toBe("lt7");
  });

  it("groups rows by set, keeps vendor states and roles, and orders vendor-id slots by expiry", () => {
    const sets = listedSetsFrom([
      row("sp", "cer-late", { vendor: "huawei", setKind: "huawei-sp", state: "ACTIVE", notAfter: day(400) }),
      row("sp", "cer-early", {
        vendor: "huawei",
        setKind: "huawei-sp",
        state: "INACTIVE",
        notAfter: day(-3),
      }),
      row("org", "secondary", { role: "standby" }),
      row("org", "primary"),
    ]);
    expect(sets.map((s) => s.id)).toEqual(["sp", "org"]);
    expect(sets[0]!.slots.map((s) => [s.slot, s.state])).toEqual([
      ["cer-early", "INACTIVE"],
      ["cer-late", "ACTIVE"],
    ]);
    expect(sets[1]!.slots.map((s) => s.slot)).toEqual(["primary", "secondary"]);
    expect(sets[1]!.slots[1]!.role).toBe("standby");
  });

  it("keeps sets of the same id at different connections apart", () => {
    const sets = listedSetsFrom([row("saml", "primary"), row("saml", "primary", { connectionId: "c2" })]);
    expect(sets.map((s) => `${s.connectionId}/${s.id}`)).toEqual(["c1/saml", "c2/saml"]);
  });

  it("adds the sets stored as empty, with their named slots empty, and drops the mark once a certificate is there", () => {
    const empty = {
      connectionId: "c1",
      vendor: "uipath" as const,
      setKind: "uipath-saml",
      signInFails: false,
    };
    const sets = listedSetsFrom(
      [row("filled", "primary")],
      [
        { ...empty, setId: "none", setLabel: "Set none" },
        {
          ...empty,
          vendor: "huawei",
          setKind: "huawei-idp",
          setId: "idp:x",
          setLabel: "IdP x",
          signInFails: true,
        },
        // Stored as empty, yet a certificate row is there too (a refresh crossed a write).
        { ...empty, setId: "filled", setLabel: "Set filled" },
      ],
    );
    const byId = new Map(sets.map((s) => [s.id, s]));
    expect(byId.get("none")).toMatchObject({
      label: "Set none",
      empty: { signInFails: false },
      slots: [
        { slot: "primary", certificate: null },
        { slot: "secondary", certificate: null },
      ],
    });
    expect(setStatus(byId.get("none")!, NOW)).toBe("empty");
    expect(byId.get("idp:x")).toMatchObject({ kind: "huawei-idp", slots: [], empty: { signInFails: true } });
    expect(byId.get("filled")?.empty).toBeUndefined();
    expect(byId.get("filled")?.slots[0]?.certificate?.subject).toBe("CN=filled");
    expect(sets).toHaveLength(3);
  });

  it("carries summaries only: no PEM, ISO dates", () => {
    const [set] = listedSetsFrom([row("org", "primary")]);
    expect(Object.keys(set!.slots[0]!.certificate!)).not.toContain("pem");
    expect(set!.slots[0]!.certificate!.notAfter).toBe(day(100).toISOString());
  });
});

describe("withDeadline", () => {
  it("gives the value of work that settles first", async () => {
    expect(await withDeadline(Promise.resolve(7), 60_000)).toEqual({ done: true, value: 7 });
  });
  it("stops waiting for work that never settles", async () => {
    expect(await withDeadline(new Promise<never>(() => {}), 1)).toEqual({ done: false });
  });
  it("passes the work's failure on", async () => {
    await expect(withDeadline(Promise.reject(new Error("boom")), 60_000)).rejects.toThrow("boom");
  });
});
