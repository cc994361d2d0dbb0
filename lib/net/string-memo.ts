/**
 * A pure function of one string, remembered for up to `max` distinct arguments (then forgotten all
 * at once, so a stream of distinct arguments never grows it). For the address checks every
 * outbound request repeats with the same host and address: parsing them again each time cost
 * more than the rest of the guard.
 */
export function memoizeByString<T>(compute: (text: string) => T, max = 512): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text) as T;
    const value = compute(text);
    if (known.size >= max) known.clear();
    known.set(text, value);
    return value;
  };
}
