import { z } from "zod";
import { maxLength } from "@/lib/text/limits";
import type { ConnectionEndpoint } from "@/lib/vendors/url-forms";

// Field schemas every vendor's connection schema builds on. Client-safe: the connection form
// validates with them in the browser.

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/**
 * A vendor base URL's shape: a full https URL (http only on a loopback address: the sandbox, a
 * local gateway) without a query string or fragment. Which hosts are accepted (the vendor's
 * documented API hosts, or a custom host the server's TRUSTDECK_CUSTOM_VENDOR_HOSTS names; plain
 * http only for such a custom host; never a user name or password) is the server's decision
 * (lib/connections/destination-policy.ts), since the browser cannot see that setting. Trailing
 * slashes are dropped so that paths can be appended uniformly.
 */
export const baseUrlSchema = baseUrlRules(false);

/**
 * A base URL that may be left empty, for vendors that derive it from other fields (a documented
 * platform, a region): the connection shape's `resolveBaseUrl` then fills it in.
 */
export const optionalBaseUrlSchema = z.preprocess((value) => value ?? "", baseUrlRules(true));

function baseUrlRules(allowEmpty: boolean) {
  return z
    .string()
    .trim()
    .min(allowEmpty ? 0 : 1, "Enter the base URL.")
    .max(...maxLength("base URL", 2048))
    .refine(
      (value) => (allowEmpty && value === "") || URL.canParse(value),
      "Enter a full URL, starting with https://.",
    )
    .refine((value) => {
      if (!URL.canParse(value)) return true;
      const url = new URL(value);
      return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
    }, "Use https:// (plain http is only accepted for a loopback address such as 127.0.0.1).")
    .refine(
      (value) => !URL.canParse(value) || (!new URL(value).search && !new URL(value).hash),
      "Remove the query string or fragment from the URL.",
    )
    .transform((value) => value.replace(/\/+$/, ""));
}

/**
 * One of a vendor's documented choices (a URL form). Empty or absent means "infer it from the
 * base URL", as for connections saved before the choice existed.
 */
export const optionalChoice = <const T extends readonly [string, ...string[]]>(choices: T, what: string) =>
  z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.enum(choices, { error: `Choose ${what}: ${choices.join(", ")}.` }).optional(),
  );

/** A field whose empty value (an untouched form input) means "use the default". */
export const withDefault = <T extends z.ZodType<string>>(schema: T, fallback: string) =>
  z.preprocess((value) => (value === "" || value === undefined ? fallback : value), schema);

/** The connection's display name, unique across connections. */
export const nameSchema = z
  .string()
  .trim()
  .min(1, "Give the connection a name.")
  .max(80, "Keep the name to 80 characters or fewer.");

/** A GUID in any case, such as 3fa85f64-5717-4562-b3fc-2c963f66afa6. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A secret field: required when creating; on edit an empty value means "keep the stored one". */
export const secret = (label: string) =>
  z.string().trim().min(1, `Enter the ${label}.`).max(4096, `The ${label} is too long.`);

/** The base URL a connection's fields resolve to, or what is wrong with them and where. */
export type BaseUrlResolution =
  | {
      ok: true;
      baseUrl: string;
      /** The choices made explicit (an inferred form). */ choices: Record<string, string>;
    }
  | { ok: false; field: string; message: string };

/**
 * One vendor's connection schema: its identifying fields (name and base URL included), the
 * secrets it needs, and the secrets it may have (optional ones accept "" as "none").
 */
export interface ConnectionShape {
  fields: { name: typeof nameSchema; baseUrl: z.ZodType<string, unknown> } & z.ZodRawShape;
  /**
   * The fields that decide where the secrets are sent (host, organisation, account, region,
   * store...). Changing one of them requires entering the secrets again, and the stored
   * ciphertext is sealed for their values (lib/connections/destination.ts).
   */
  destination: readonly ["baseUrl", ...string[]];
  secrets: Record<string, z.ZodType<string, string>>;
  optionalSecrets: Record<string, z.ZodType<string | undefined, string | undefined>>;
  /**
   * For vendors whose base URL follows from a chosen form (a platform, a region): the URL the
   * parsed fields resolve to, which replaces `baseUrl`, or the field to blame. Method syntax on
   * purpose: each vendor types `values` as its own parsed fields.
   */
  resolveBaseUrl?(values: { baseUrl: string }): BaseUrlResolution;
  /** The fields `resolveBaseUrl` reads: it runs once they are valid, whatever the other fields. */
  baseUrlDependsOn?: readonly string[];
  /** The URLs a connection calls, labelled (default: its base URL as "API base URL"). */
  endpoints?(values: { baseUrl: string }): ConnectionEndpoint[];
}
