import { describe, expect, it } from "vitest";
import { diffSnapshot, observeSets, type KnownCertificate, type ObservedCertificate } from "./diff";
import { detectDrift } from "./drift";
import { fakeSet, fakeSummary } from "./testing/fake-certificates";

const C = "11111111-1111-1111-1111-111111111111";
const known = (o: ObservedCertificate): KnownCertificate => ({
  key: o.key,
  setId: o.setId,
  setLabel: o.setLabel,
  slot: o.slot,
  state: o.state,
  sha256: o.certificate.sha256,
  subject: o.certificate.subject,
  keyAlgorithm: o.certificate.keyAlgorithm,
  keySize: o.certificate.keySize ?? null,
  notAfter: new Date(o.certificate.notAfter),
});
const a = fakeSummary("alpha", "2027-01-01T00:00:00.000Z");
const b = fakeSummary("beta", "2026-12-01T00:00:00.000Z");
// Same subject and key as alpha: a like-for-like re-issue, so only the external-change rule speaks.
const c = fakeSummary("gamma", "2029-01-01T00:00:00.000Z", { subject: "CN=alpha" });

describe("snapshot diff", () => {
  it("skips empty slots and keys certificates by set and thumbprint", () => {
    const observed = observeSets(C, [fakeSet(C, "s1", a, null)]);
    expect(observed).toHaveLength(1);
    expect(observed[0]!.key).toBe(`${C}/s1/${a.sha256}`);
  });

  it("reports appeared, moved (state-changed) and disappeared certificates", () => {
    const before = observeSets(C, [fakeSet(C, "s1", a, b)]).map(known);
    // A rotate: a new current, the old current moves to previous, the old previous is dropped.
    const after = observeSets(C, [fakeSet(C, "s1", c, a)]);
    const changes = diffSnapshot(before, after);
    expect(changes.map((x) => [x.kind, x.key.split("/")[2]])).toEqual([
      ["appeared", c.sha256],
      ["state-changed", a.sha256],
      ["disappeared", b.sha256],
    ]);
    expect(changes[1]!.details).toEqual({
      from: { slot: "current", state: null },
      to: { slot: "previous", state: null },
    });
  });

  it("reports nothing when nothing changed", () => {
    const observed = observeSets(C, [fakeSet(C, "s1", a, b)]);
    expect(diffSnapshot(observed.map(known), observed)).toEqual([]);
  });
});

describe("drift rules", () => {
  const before = observeSets(C, [fakeSet(C, "s1", a, b, "Acme SAML")]).map(known);
  const after = observeSets(C, [fakeSet(C, "s1", c, a, "Acme SAML")]);
  const changes = diffSnapshot(before, after);
  const base = {
    connectionLabel: "Cloudflare · Acme",
    firstSnapshot: false,
    previous: before,
    observed: after,
    changes,
  };

  it("reports a change no Trustdeck write explains, in plain words: a rotation by the vendor itself", () => {
    const drift = detectDrift({ ...base, writes: [] });
    expect(drift).toHaveLength(1);
    expect(drift[0]!.kind).toBe("external-change");
    expect(drift[0]!.details.what).toEqual(["rotated"]);
    expect(drift[0]!.message).toBe(
      "Cloudflare · Acme · Acme SAML changed outside Trustdeck: rotated by the vendor itself: new certificate 67:61:6D:6D… (gamma, expires 2029-01-01) in current, 61:6C:70:68… (CN=alpha, expires 2027-01-01) moved to previous, 62:65:74:61… (CN=beta, expires 2026-12-01) removed.",
    );
  });

  it("stays quiet when an audited Trustdeck write mentions the certificates", () => {
    const writes = [
      {
        setId: "s1",
        detailsText: JSON.stringify({ before: [a.sha256, b.sha256], after: [c.sha256, a.sha256] }),
      },
    ];
    expect(detectDrift({ ...base, writes })).toEqual([]);
  });

  it("a write on another set explains nothing", () => {
    expect(
      detectDrift({ ...base, writes: [{ setId: "s2", detailsText: c.sha256 + b.sha256 }] }),
    ).toHaveLength(1);
  });

  it("reports nothing on a connection's first snapshot", () => {
    expect(detectDrift({ ...base, firstSnapshot: true, writes: [] })).toEqual([]);
  });

  const ec = fakeSummary("delta", "2029-01-01T00:00:00.000Z", {
    subject: "CN=other.example",
    keyAlgorithm: "EC",
    keySize: 256,
  });

  it("reports a re-issue with a different subject or key made outside Trustdeck", () => {
    const next = observeSets(C, [fakeSet(C, "s1", ec, a, "Acme SAML")]);
    const drift = detectDrift({ ...base, observed: next, changes: diffSnapshot(before, next), writes: [] });
    expect(drift.map((d) => d.kind)).toEqual(["external-change", "reissued-different"]);
    expect(drift[1]!.message).toContain("re-issued with a different subject or key outside Trustdeck");
    expect(drift[1]!.message).toContain("subject CN=alpha → CN=other.example; key RSA 2048 → EC 256");
  });

  it("a Trustdeck write is never drift, even a re-issue with a different subject or key", () => {
    const next = observeSets(C, [fakeSet(C, "s1", ec, a, "Acme SAML")]);
    const writes = [{ setId: "s1", detailsText: `${ec.sha256} ${a.sha256} ${b.sha256}` }];
    expect(detectDrift({ ...base, observed: next, changes: diffSnapshot(before, next), writes })).toEqual([]);
  });

  it("an upload into an empty slot is added, never a replacement", () => {
    const lone = observeSets(C, [fakeSet(C, "s1", a, null, "Acme SAML")]).map(known);
    const next = observeSets(C, [fakeSet(C, "s1", a, ec, "Acme SAML")]);
    const drift = detectDrift({
      ...base,
      previous: lone,
      observed: next,
      changes: diffSnapshot(lone, next),
      writes: [],
    });
    expect(drift).toHaveLength(1);
    expect(drift[0]!.details.what).toEqual(["added"]);
    expect(drift[0]!.message).toContain(
      "certificate 64:65:6C:74… (delta, expires 2029-01-01) added to previous",
    );
    expect(drift[0]!.message).not.toMatch(/replace|differs/);
  });

  it("a certificate changed to another in the same slot is replaced; one taken away is removed", () => {
    const next = observeSets(C, [fakeSet(C, "s1", c, null, "Acme SAML")]);
    const drift = detectDrift({ ...base, observed: next, changes: diffSnapshot(before, next), writes: [] });
    expect(drift[0]!.details.what).toEqual(["replaced", "removed"]);
    expect(drift[0]!.message).toContain(
      "certificate 61:6C:70:68… (CN=alpha, expires 2027-01-01) in current replaced by 67:61:6D:6D… (gamma, expires 2029-01-01)",
    );
    expect(drift[0]!.message).toContain(
      "certificate 62:65:74:61… (CN=beta, expires 2026-12-01) removed from previous",
    );
  });

  it("a state the vendor changed is said as such", () => {
    const active = [{ ...known(after[0]!), state: "ACTIVE" }];
    const inactive = [{ ...after[0]!, state: "INACTIVE" }];
    const drift = detectDrift({
      ...base,
      previous: active,
      observed: inactive,
      changes: diffSnapshot(active, inactive),
      writes: [],
    });
    expect(drift[0]!.details.what).toEqual(["state-changed"]);
    expect(drift[0]!.message).toContain("changed from current (ACTIVE) to current (INACTIVE)");
  });

  it("a like-for-like re-issue is not drift", () => {
    const same = fakeSummary("epsilon", "2029-01-01T00:00:00.000Z", { subject: "CN=alpha" });
    const next = observeSets(C, [fakeSet(C, "s1", same, a)]);
    const writes = [
      {
        setId: "s1",
        detailsText: `${same.sha256} ${a.sha256} ${b.sha256}` /* a rotation audits its before and after slots */,
      },
    ];
    expect(detectDrift({ ...base, observed: next, changes: diffSnapshot(before, next), writes })).toEqual([]);
  });
});
