import { z } from "zod";
import { CONNECTION_SHAPES } from "@/lib/vendors/connection-schemas";
import { VENDORS, type Vendor } from "@/lib/vendors/descriptors";

// The connection schemas of every vendor, built from each vendor's connection shape
// (lib/vendors/<vendor>/connection-schema.ts): create, edit, and the stored secrets.

export { baseUrlSchema } from "./fields";
export { VENDOR_LABELS, VENDORS, type Vendor } from "@/lib/vendors/descriptors";

const keepIfEmpty = <T extends z.ZodType>(schema: T) =>
  z.union([z.literal("").transform(() => undefined), schema]).optional();

/** The same keys, each value mapped. */
function mapValues<T extends object, R>(record: T, fn: (value: T[keyof T]) => R): { [K in keyof T]: R } {
  const entries = Object.entries(record) as [keyof T, T[keyof T]][];
  return Object.fromEntries(entries.map(([key, value]) => [key, fn(value)])) as { [K in keyof T]: R };
}

function inputMember<V extends Vendor>(vendor: V) {
  const { fields, secrets, optionalSecrets } = CONNECTION_SHAPES[vendor];
  return z.object({ vendor: z.literal(vendor), ...fields, ...secrets, ...optionalSecrets });
}

/** On edit, an empty required secret means "keep the stored one". */
function updateMember<V extends Vendor>(vendor: V) {
  const { fields, secrets, optionalSecrets } = CONNECTION_SHAPES[vendor];
  return z.object({
    id: z.uuid(),
    vendor: z.literal(vendor),
    ...fields,
    ...mapValues(secrets, keepIfEmpty),
    ...optionalSecrets,
  });
}

function secretsMember<V extends Vendor>(vendor: V) {
  const { secrets, optionalSecrets } = CONNECTION_SHAPES[vendor];
  return z.object({
    vendor: z.literal(vendor),
    ...mapValues(secrets, () => z.string()),
    ...mapValues(optionalSecrets, () => z.string().optional()),
  });
}

// One member per vendor, each typed for its vendor: `VENDORS.map` cannot carry that pairing in
// its type, so each list below is typed once as the union of the per-vendor members.
type Shape<V extends Vendor> = (typeof CONNECTION_SHAPES)[V];
type Optional = z.ZodOptional<z.ZodType<string | undefined, unknown>>;
type ObjectOf<S> = S extends z.core.$ZodShape ? z.ZodObject<S> : never;
type InputMember = {
  [V in Vendor]: ObjectOf<
    { vendor: z.ZodLiteral<V> } & Shape<V>["fields"] & Shape<V>["secrets"] & Shape<V>["optionalSecrets"]
  >;
}[Vendor];
type UpdateMember = {
  [V in Vendor]: z.ZodObject<
    { id: z.ZodUUID; vendor: z.ZodLiteral<V> } & Shape<V>["fields"] & {
        [K in keyof Shape<V>["secrets"]]: Optional;
      } & Shape<V>["optionalSecrets"]
  >;
}[Vendor];
type SecretsMember = {
  [V in Vendor]: z.ZodObject<
    { vendor: z.ZodLiteral<V> } & { [K in keyof Shape<V>["secrets"]]: z.ZodString } & {
      [K in keyof Shape<V>["optionalSecrets"]]: z.ZodOptional<z.ZodString>;
    }
  >;
}[Vendor];

/** Every field of a connection, secrets included: what the "add connection" form submits. */
export const connectionInputSchema = z.discriminatedUnion(
  "vendor",
  VENDORS.map(inputMember) as unknown as [InputMember, ...InputMember[]],
);
export type ConnectionInput = z.output<typeof connectionInputSchema>;
export type ConnectionFormValues = z.input<typeof connectionInputSchema>;
/** A field of some vendor's connection form. */
export type ConnectionFieldName = ConnectionFormValues extends infer T
  ? T extends unknown
    ? keyof T
    : never
  : never;

/** The "edit connection" form: secrets may be left empty to keep the stored ones. */
export const connectionUpdateSchema = z.discriminatedUnion(
  "vendor",
  VENDORS.map(updateMember) as unknown as [UpdateMember, ...UpdateMember[]],
);
export type ConnectionUpdate = z.output<typeof connectionUpdateSchema>;
export type ConnectionUpdateValues = z.input<typeof connectionUpdateSchema>;

/** The secret part of each vendor's connection, as stored (encrypted) in the database. */
export const connectionSecretsSchema = z.discriminatedUnion(
  "vendor",
  VENDORS.map(secretsMember) as unknown as [SecretsMember, ...SecretsMember[]],
);
export type ConnectionSecrets = z.output<typeof connectionSecretsSchema>;

/** The names of the secret fields of each vendor, which never leave the server. */
export const SECRET_FIELDS: Readonly<Record<Vendor, readonly string[]>> = mapValues(
  CONNECTION_SHAPES,
  ({ secrets, optionalSecrets }) => [...Object.keys(secrets), ...Object.keys(optionalSecrets)],
);
