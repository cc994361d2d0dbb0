import { z } from "zod";
import { CONNECTION_SHAPES } from "@/lib/vendors/connection-schemas";
import { VENDORS, type Vendor } from "@/lib/vendors/descriptors";
import type { ConnectionEndpoint } from "@/lib/vendors/url-forms";
import type { ConnectionShape } from "./fields";

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

/**
 * The vendor's base-URL resolution on a member: a wrong choice is an issue on the field to blame,
 * and the parsed value carries the resolved base URL and the choices made explicit.
 */
function resolvingBaseUrl<T extends z.ZodObject<{ baseUrl: z.ZodType<string, unknown> }>>(
  vendor: Vendor,
  member: T,
): T {
  const shape: ConnectionShape = CONNECTION_SHAPES[vendor];
  const resolve = shape.resolveBaseUrl?.bind(shape);
  if (!resolve) return member;
  const inputs = new Set<PropertyKey>(shape.baseUrlDependsOn ?? Object.keys(member.shape));
  return member
    .superRefine(
      (values, ctx) => {
        const resolved = resolve(values);
        if (!resolved.ok) ctx.addIssue({ code: "custom", path: [resolved.field], message: resolved.message });
      },
      // Said with the other fields' errors, not only once they are fixed.
      { when: (payload) => !payload.issues.some((issue) => inputs.has(issue.path?.[0] ?? "")) },
    )
    .overwrite((values) => {
      const resolved = resolve(values);
      return resolved.ok ? { ...values, ...resolved.choices, baseUrl: resolved.baseUrl } : values;
    });
}

function inputMember<V extends Vendor>(vendor: V) {
  const { fields, secrets, optionalSecrets } = CONNECTION_SHAPES[vendor];
  return resolvingBaseUrl(
    vendor,
    z.object({ vendor: z.literal(vendor), ...fields, ...secrets, ...optionalSecrets }),
  );
}

function fieldsMember<V extends Vendor>(vendor: V) {
  return resolvingBaseUrl(
    vendor,
    z.object({ vendor: z.literal(vendor), ...CONNECTION_SHAPES[vendor].fields }),
  );
}

/** On edit, an empty required secret means "keep the stored one". */
function updateMember<V extends Vendor>(vendor: V) {
  const { fields, secrets, optionalSecrets } = CONNECTION_SHAPES[vendor];
  return resolvingBaseUrl(
    vendor,
    z.object({
      id: z.uuid(),
      vendor: z.literal(vendor),
      ...fields,
      ...mapValues(secrets, keepIfEmpty),
      ...optionalSecrets,
    }),
  );
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
type FieldsMember = {
  [V in Vendor]: ObjectOf<{ vendor: z.ZodLiteral<V> } & Shape<V>["fields"]>;
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

/** A connection's non-secret fields, as stored beside the base URL (no secrets: the card's view). */
export const connectionFieldsSchema = z.discriminatedUnion(
  "vendor",
  VENDORS.map(fieldsMember) as unknown as [FieldsMember, ...FieldsMember[]],
);
export type ConnectionFields = z.output<typeof connectionFieldsSchema>;

/** The URLs a connection calls, labelled (its base URL for vendors that declare none). */
export function connectionEndpoints(fields: ConnectionFields): ConnectionEndpoint[] {
  const shape: ConnectionShape = CONNECTION_SHAPES[fields.vendor];
  return shape.endpoints?.(fields) ?? [{ label: "API base URL", url: fields.baseUrl }];
}

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
