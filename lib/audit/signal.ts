// Client-safe: the mark that makes an audit event stand out for review ("high-signal"). It lives in
// the event's details, so the hash chain covers it like every other field: no column, no change
// to the chained form, and an old event cannot be marked or unmarked afterwards.

/** Why an event is high-signal; each reason is a change that grants or widens access. */
export const HIGH_SIGNAL_REASONS = {
  "self-application":
    "A federated credential on the application Trustdeck itself connects with: tokens from this issuer and subject get Trustdeck's admin rights at UiPath.",
} as const;
export type HighSignalReason = keyof typeof HIGH_SIGNAL_REASONS;

/** The details fields that mark an event high-signal, to spread into `details`. */
export function highSignal(reason: HighSignalReason): { signal: "high"; signalReason: HighSignalReason } {
  return { signal: "high", signalReason: reason };
}

/** The reason an event's details mark it high-signal, or null when they do not. */
export function highSignalReason(details: unknown): HighSignalReason | null {
  if (!details || typeof details !== "object") return null;
  const { signal, signalReason } = details as { signal?: unknown; signalReason?: unknown };
  if (signal !== "high") return null;
  return typeof signalReason === "string" && signalReason in HIGH_SIGNAL_REASONS
    ? (signalReason as HighSignalReason)
    : null;
}
