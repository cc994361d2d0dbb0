import { describe, expect, it } from "vitest";
import type { CertificateSet } from "./contracts";
import { VENDOR_DESCRIPTORS, VENDORS } from "./descriptors";
import type { SetKindDescriptor } from "./descriptor";
import { deriveSlotRole, emptySetImpact, isEmptySet, roleExplanation, withSlotRoles } from "./slot-roles";

describe("deriveSlotRole: every slot kind of every vendor", () => {
  it.each([
    { vendor: "uipath", kind: "uipath-saml", slot: "primary", state: undefined, role: "signs-now" },
    { vendor: "uipath", kind: "uipath-saml", slot: "secondary", state: undefined, role: "standby" },
    { vendor: "cloudflare", kind: "cloudflare-saml", slot: "current", state: undefined, role: "signs-now" },
    {
      vendor: "cloudflare",
      kind: "cloudflare-saml",
      slot: "previous",
      state: undefined,
      role: "kept-during-rotation",
    },
    { vendor: "huawei", kind: "huawei-sp", slot: "cer-1", state: "ACTIVE", role: "signs-now" },
    { vendor: "huawei", kind: "huawei-sp", slot: "cer-2", state: "INACTIVE", role: "inactive" },
    { vendor: "huawei", kind: "huawei-sp", slot: "cer-3", state: "EXPIRED", role: "expired-at-vendor" },
    {
      vendor: "huawei",
      kind: "huawei-idp",
      slot: "idp-cert-9",
      state: undefined,
      role: "trusted-for-validation",
    },
  ] as const)("$vendor $kind $slot $state → $role", ({ vendor, kind, slot, state, role }) => {
    const spec = deriveSlotRole(vendor, kind, { slot, state });
    expect(spec?.role).toBe(role);
    expect(spec?.explanation).toMatch(/\w.*\.$/);
  });

  it("gives no role to a slot its descriptor does not describe (a vendor change), rather than guess", () => {
    expect(deriveSlotRole("uipath", "uipath-saml", { slot: "tertiary" })).toBeUndefined();
    expect(deriveSlotRole("huawei", "huawei-sp", { slot: "cer-4" })).toBeUndefined();
    // A slot name that is an Object.prototype key must not find a "role".
    expect(deriveSlotRole("uipath", "uipath-saml", { slot: "constructor" })).toBeUndefined();
  });

  it("declares a role for every named slot of every set kind", () => {
    for (const vendor of VENDORS)
      for (const kind of Object.values<SetKindDescriptor>(VENDOR_DESCRIPTORS[vendor].setKinds))
        for (const name of kind.namedSlots) expect(kind.slotRoles[name], `${vendor} ${name}`).toBeDefined();
  });

  it("fills role and explanation on every slot of a set, certificates untouched", () => {
    const set: CertificateSet = {
      id: "s",
      connectionId: "c",
      vendor: "cloudflare",
      kind: "cloudflare-saml",
      label: "S",
      slots: [
        { slot: "current", certificate: null },
        { slot: "previous", certificate: null },
      ],
      actions: [],
    };
    const out = withSlotRoles(set);
    expect(out.slots.map((s) => s.role)).toEqual(["signs-now", "kept-during-rotation"]);
    expect(out.slots[1]!.roleExplanation).toMatch(/rotation/);
    expect(set.slots[0]!.role).toBeUndefined();
  });

  it("finds the explanation of a stored role by vendor", () => {
    expect(roleExplanation("huawei", "trusted-for-validation")).toMatch(/IdP's signatures/);
    expect(roleExplanation("uipath", "kept-during-rotation")).toBeUndefined();
  });
});

describe("an empty set: no certificate installed", () => {
  it("is a set whose slots hold no certificate, nor one the vendor sent that could not be read", () => {
    const set = (slots: CertificateSet["slots"]) => ({ slots });
    expect(isEmptySet(set([]))).toBe(true);
    expect(
      isEmptySet(
        set([
          { slot: "primary", certificate: null },
          { slot: "secondary", certificate: null },
        ]),
      ),
    ).toBe(true);
    expect(isEmptySet(set([{ slot: "primary", certificate: null, parseError: "not DER" }]))).toBe(false);
  });

  it.each([
    {
      vendor: "uipath",
      kind: "uipath-saml",
      inUse: undefined,
      fails: false,
      says: /SAML sign-in is not set up/,
    },
    {
      vendor: "cloudflare",
      kind: "cloudflare-saml",
      inUse: undefined,
      fails: false,
      says: /Rotate to generate/,
    },
    {
      vendor: "huawei",
      kind: "huawei-sp",
      inUse: undefined,
      fails: false,
      says: /Create one and activate it/,
    },
    { vendor: "huawei", kind: "huawei-idp", inUse: undefined, fails: true, says: /sign-in through it fails/ },
    { vendor: "huawei", kind: "huawei-idp", inUse: true, fails: true, says: /rejects every SAML response/ },
    { vendor: "huawei", kind: "huawei-idp", inUse: false, fails: false, says: /It is disabled now/ },
  ] as const)(
    "$vendor $kind (in use: $inUse): sign-in fails $fails",
    ({ vendor, kind, inUse, fails, says }) => {
      const impact = emptySetImpact(vendor, kind, inUse);
      expect(impact.signInFails).toBe(fails);
      expect(impact.explanation).toMatch(/^No certificate installed/);
      expect(impact.explanation).toMatch(says);
    },
  );

  it("every set kind of every vendor says what it means to be empty", () => {
    for (const vendor of VENDORS)
      for (const kind of Object.values<SetKindDescriptor>(VENDOR_DESCRIPTORS[vendor].setKinds))
        expect(kind.whenEmpty.explanation).toMatch(/^No certificate installed: .+\.$/);
  });
});
