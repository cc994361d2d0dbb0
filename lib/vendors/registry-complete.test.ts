import { describe, expect, expectTypeOf, it } from "vitest";
import { SECRET_FIELDS } from "@/lib/connections/schemas";
import { connectionFormOf } from "./connection-forms";
import { CONNECTION_SHAPES } from "./connection-schemas";
import type { AnyVendorDescriptor, SetKindDescriptor, WriteActionWording } from "./descriptor";
import {
  descriptorOf,
  isParkedSlot,
  validityLimitOf,
  VENDOR_DESCRIPTORS,
  VENDORS,
  type DescribedAction,
  type DescriptorOf,
  type Vendor,
} from "./descriptors";
import type { CertificateSetAction } from "./model";
import { adapters } from "./registry";

// The registry is complete when every vendor of the list has a descriptor, a connection schema
// and an adapter, and the descriptor words every set kind and action the adapter has. The type
// assertions below are checked by `tsc --noEmit` (part of `npm test`); the rest run in Vitest.

type AdapterAction<V extends Vendor> = (typeof adapters)[V]["capabilities"]["actions"][number];
type SetKindsOf<V extends Vendor> = DescriptorOf<V>["setKinds"];

describe("the vendor registry (types)", () => {
  it("has a descriptor, a connection schema and an adapter for every vendor, and nothing else", () => {
    expectTypeOf<keyof typeof VENDOR_DESCRIPTORS>().toEqualTypeOf<Vendor>();
    expectTypeOf<keyof typeof CONNECTION_SHAPES>().toEqualTypeOf<Vendor>();
    expectTypeOf<keyof typeof adapters>().toEqualTypeOf<Vendor>();
    expectTypeOf<(typeof VENDORS)[number]>().toEqualTypeOf<Vendor>();
  });

  it("files each descriptor and adapter under its own vendor id", () => {
    expectTypeOf(VENDOR_DESCRIPTORS).toExtend<{ [V in Vendor]: AnyVendorDescriptor & { vendor: V } }>();
    expectTypeOf(adapters).toExtend<{ [V in Vendor]: { readonly vendor: V } }>();
  });

  it("words exactly the actions each adapter offers", () => {
    expectTypeOf<{ [V in Vendor]: DescribedAction<V> }>().toEqualTypeOf<{
      [V in Vendor]: AdapterAction<V>;
    }>();
  });

  it("declares each set kind with a label and its slots", () => {
    expectTypeOf<
      { [V in Vendor]: SetKindsOf<V>[keyof SetKindsOf<V>] }[Vendor]
    >().toExtend<SetKindDescriptor>();
  });

  it("gives every change a consequence and an outcome", () => {
    type WriteActions = {
      [V in Vendor]: (typeof VENDOR_DESCRIPTORS)[V]["actions"][Exclude<DescribedAction<V>, "download-pem">];
    }[Vendor];
    expectTypeOf<WriteActions>().toExtend<WriteActionWording>();
  });
});

describe("the vendor registry (values)", () => {
  it.each(VENDORS)("%s: the descriptor matches the adapter and the connection schema", (vendor) => {
    const descriptor = descriptorOf(vendor);
    const adapter = adapters[vendor];
    expect(descriptor.vendor).toBe(vendor);
    expect(adapter.vendor).toBe(vendor);
    expect([...adapter.capabilities.setKinds].sort()).toEqual(Object.keys(descriptor.setKinds).sort());
    expect([...adapter.capabilities.actions].sort()).toEqual(Object.keys(descriptor.actions).sort());

    const shape = CONNECTION_SHAPES[vendor];
    const formFields = connectionFormOf(vendor)
      .map((field) => field.name)
      .sort();
    const schemaFields = [
      ...Object.keys(shape.fields).filter((name) => name !== "name"),
      ...Object.keys(shape.secrets),
      ...Object.keys(shape.optionalSecrets),
    ].sort();
    expect(formFields).toEqual(schemaFields);
    const secretFields = connectionFormOf(vendor)
      .filter((field) => field.secret)
      .map((field) => field.name);
    expect(secretFields.sort()).toEqual([...SECRET_FIELDS[vendor]].sort());
    const optionalFields = connectionFormOf(vendor)
      .filter((field) => field.optional)
      .map((f) => f.name);
    expect(optionalFields.sort()).toEqual(Object.keys(shape.optionalSecrets).sort());
  });

  it.each(VENDORS)("%s: every action and set kind has wording, every limit a value", (vendor) => {
    const descriptor = descriptorOf(vendor);
    expect(descriptor.label.length).toBeGreaterThan(0);
    expect(descriptor.shortName.length).toBeGreaterThan(0);
    expect(descriptor.apiHosts.length).toBeGreaterThan(0);
    expect(descriptor.refreshConcurrency).toBeGreaterThanOrEqual(1);
    expect(descriptor.limits.maxValidityDays).toBeGreaterThan(0);
    for (const kind of Object.values<SetKindDescriptor>(descriptor.setKinds)) {
      expect(kind.label.length).toBeGreaterThan(0);
      for (const parked of kind.parkedSlots) expect(kind.namedSlots).toContain(parked);
    }
    const context = { slot: () => "AA:BB:CC:DD:… (x, expires 1 Jan 2030)", target: "cer-1", active: null };
    for (const [action, wording] of Object.entries(descriptor.actions) as [
      CertificateSetAction,
      { label: string } | WriteActionWording,
    ][]) {
      expect(wording.label.length, action).toBeGreaterThan(0);
      if ("consequence" in wording) {
        expect(wording.consequence(context).length, action).toBeGreaterThan(0);
        expect(wording.outcome({ added: "" }).length, action).toBeGreaterThan(0);
      } else {
        expect(action).toBe("download-pem");
      }
    }
  });
});

describe("values derived from the descriptors", () => {
  it("keeps each vendor's refresh concurrency and validity limit", () => {
    expect(Object.fromEntries(VENDORS.map((v) => [v, descriptorOf(v).refreshConcurrency]))).toEqual({
      uipath: 3,
      cloudflare: 4,
      huawei: 2,
    });
    expect(VENDORS.map(validityLimitOf)).toEqual([
      { maxValidityDays: 3653, limitOwner: "UiPath" },
      { maxValidityDays: 3653, limitOwner: "Cloudflare" },
      { maxValidityDays: 3653, limitOwner: "Huawei Cloud" },
    ]);
  });

  it("parks the secondary and previous slots and INACTIVE certificates, nothing else", () => {
    expect(isParkedSlot({ slot: "secondary" })).toBe(true);
    expect(isParkedSlot({ slot: "previous" })).toBe(true);
    expect(isParkedSlot({ slot: "cer-1", state: "INACTIVE" })).toBe(true);
    expect(isParkedSlot({ slot: "primary" })).toBe(false);
    expect(isParkedSlot({ slot: "current" })).toBe(false);
    expect(isParkedSlot({ slot: "cer-1", state: "ACTIVE" })).toBe(false);
    expect(isParkedSlot({ slot: "cer-1" })).toBe(false);
  });
});
