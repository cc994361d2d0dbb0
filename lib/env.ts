import "server-only";
import { z } from "zod";
import { parseRoleMap, type RoleMap } from "@/lib/auth/oidc-roles";

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

/**
 * Every environment variable the dashboard reads, validated once. Parsed lazily so that
 * `next build` does not need runtime secrets; the README lists each with its default.
 */
const envFields = z.object({
  DATABASE_URL: optionalString,
  /** The owner's URL, used for migrations only, when DATABASE_URL is a least-privilege role. */
  DATABASE_MIGRATION_URL: optionalString,
  PGLITE_DIR: z.string().default(".trustdeck/db"),
  NEXTAUTH_SECRET: optionalString,
  TRUSTDECK_ENCRYPTION_KEY: optionalString,
  OIDC_ISSUER: optionalString,
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_NAME: z.string().default("Single sign-on"),
  OIDC_DEFAULT_ROLE: z.enum(["viewer", "operator", "admin"]).default("viewer"),
  OIDC_SCOPE: z.string().trim().min(1).default("openid email profile"),
  // Claim → role mapping: when OIDC_ROLE_CLAIM is set, the role comes from the IdP at each sign-in.
  OIDC_ROLE_CLAIM: optionalString,
  OIDC_ROLE_MAP: z
    .string()
    .default("")
    .transform((raw, ctx): RoleMap => {
      try {
        return parseRoleMap(raw);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  SIGNIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  // Sessions: absolute lifetime and idle timeout, enforced on the server (lib/auth/sessions.ts).
  SESSION_MAX_HOURS: z.coerce.number().min(0.01).max(720).default(8),
  SESSION_IDLE_MINUTES: z.coerce.number().min(1).max(43_200).default(30),
  // Reverse proxies whose X-Forwarded-* headers are believed (addresses or CIDR ranges; none by default).
  TRUSTED_PROXIES: optionalString,
  // Issuer preflight: hosts/ranges it may fetch although they are private or loopback (none by default).
  ISSUER_PREFLIGHT_ALLOW_PRIVATE: optionalString,
  ISSUER_PREFLIGHT_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(5000),
  // Inventory: scheduled refresh interval (0 turns it off), per-vendor concurrency override, webhook allow-list.
  INVENTORY_REFRESH_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
  INVENTORY_REFRESH_CONCURRENCY: z.coerce.number().int().min(1).max(32).optional(),
  ALERT_WEBHOOK_ALLOW_PRIVATE: optionalString,
  // Vendor hosts besides each vendor's documented API hosts (a gateway, the sandbox): host or host:port, exact.
  // Read from process.env at each use (lib/vendors/custom-hosts.ts); listed here to be validated and documented.
  TRUSTDECK_CUSTOM_VENDOR_HOSTS: optionalString,
  // Vendor calls: share of each vendor's documented rate limits used; live-read cache lifetime.
  VENDOR_RATE_BUDGET_PERCENT: z.coerce.number().int().min(1).max(100).default(80),
  // Instances that share the vendor accounts (one PostgreSQL, several servers): each takes its share.
  VENDOR_RATE_BUDGET_INSTANCES: z.coerce.number().int().min(1).max(64).default(1),
  VENDOR_READ_CACHE_SECONDS: z.coerce.number().min(0).max(300).default(5),
  // The first admin of an empty database, created at start (lib/users/bootstrap.ts).
  TRUSTDECK_BOOTSTRAP_ADMIN_USERNAME: optionalString,
  TRUSTDECK_BOOTSTRAP_ADMIN_PASSWORD_FILE: optionalString,
  // Prometheus scrape token for /api/metrics (the endpoint is off while unset).
  METRICS_TOKEN: optionalString.pipe(
    z.string().min(16, "METRICS_TOKEN must be at least 16 characters.").optional(),
  ),
});

const envSchema = envFields.refine((env) => !env.OIDC_ROLE_CLAIM || env.OIDC_ROLE_MAP.size > 0, {
  message: "OIDC_ROLE_CLAIM is set but OIDC_ROLE_MAP maps no value to a role.",
  path: ["OIDC_ROLE_MAP"],
});

export type Env = z.output<typeof envSchema>;

/** Every setting the schema reads (the .env.example test checks each is documented there). */
export const ENV_KEYS = Object.keys(envFields.shape) as (keyof Env)[];

let cached: Env | undefined;

/** Validates a set of environment variables (throws a ZodError naming every bad one). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  return envSchema.parse(source);
}

/** The validated environment (cached after the first call). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Whether the optional OpenID Connect sign-in is configured. */
export function oidcEnabled(env: Env = getEnv()): boolean {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}
