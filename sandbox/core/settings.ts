/** Switches every simulator shares (POST /__sandbox/settings); vendors add their own. */
export interface CoreSettings {
  /** Enforce the vendors' rate limits (UiPath per org, Cloudflare per token). */
  rateLimits: boolean;
  /** Timeout of the UiPath simulator's JWKS fetches (issuer reachability, assertions). */
  jwksTimeoutMs: number;
}

/** One run-time switch: its default, and a parser that answers an error message for a bad value. */
export interface SettingSpec<T> {
  defaultValue: T;
  parse(value: unknown): { value: T } | { error: string };
}

/** The specs of a settings object, one per key. */
export type SettingSpecs<Settings extends object> = { [K in keyof Settings]: SettingSpec<Settings[K]> };

/** A boolean switch. */
export function booleanSetting(name: string, defaultValue: boolean): SettingSpec<boolean> {
  return {
    defaultValue,
    parse: (value) => (typeof value === "boolean" ? { value } : { error: `${name} must be a boolean` }),
  };
}

/** A switch among fixed strings. */
export function choiceSetting<T extends string>(
  name: string,
  choices: readonly T[],
  defaultValue: T,
): SettingSpec<T> {
  return {
    defaultValue,
    parse: (value) =>
      choices.includes(value as T)
        ? { value: value as T }
        : { error: `${name} must be ${choices.slice(0, -1).join(", ")} or ${choices.at(-1)}` },
  };
}

/** A positive number. */
export function positiveNumberSetting(name: string, defaultValue: number): SettingSpec<number> {
  return {
    defaultValue,
    parse: (value) =>
      typeof value === "number" && value > 0 ? { value } : { error: `${name} must be a positive number` },
  };
}

/** The core switches. */
export const CORE_SETTINGS: SettingSpecs<CoreSettings> = {
  rateLimits: booleanSetting("rateLimits", true),
  jwksTimeoutMs: positiveNumberSetting("jwksTimeoutMs", 3000),
};

/** Specs of any settings, as the control plane handles them. */
export type AnySettingSpecs = Record<string, SettingSpec<unknown>>;

/** The defaults of a set of specs. */
export function defaultsOf(specs: AnySettingSpecs): Record<string, unknown> {
  return Object.fromEntries(Object.entries(specs).map(([key, spec]) => [key, spec.defaultValue]));
}

/** Applies a patch to `settings` all or nothing; returns an error message, or undefined when applied. */
export function applySettings(
  specs: AnySettingSpecs,
  settings: Record<string, unknown>,
  patch: unknown,
): string | undefined {
  if (typeof patch !== "object" || patch === null || Array.isArray(patch))
    return "body must be a JSON object";
  const next: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    const spec = Object.hasOwn(specs, key) ? specs[key] : undefined;
    if (!spec) return `unknown setting ${key}`;
    const parsed = spec.parse(value);
    if ("error" in parsed) return parsed.error;
    next[key] = parsed.value;
  }
  Object.assign(settings, next);
  return undefined;
}
