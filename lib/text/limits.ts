// Client-safe: the arguments of zod's `.max()` with a message that names the field, so a refusal
// of an over-long value says which field it was (every stored or forwarded string has a limit).

/** `.max(...maxLength("display name", 100))` → "The display name is at most 100 characters." */
export function maxLength(field: string, max: number): [number, string] {
  return [max, `The ${field} is at most ${max.toLocaleString("en-US")} characters.`];
}
