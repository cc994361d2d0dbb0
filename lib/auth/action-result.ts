/** The one result shape of every server action: data, or an expected failure the UI can explain. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | {
      ok: false;
      /** Stable code, e.g. `forbidden`, `invalid_input`, `vendor:rate-limited`. */
      code: string;
      /** A sentence for the user: what happened and what to do. */
      message: string;
      fieldErrors?: Record<string, string[] | undefined>;
      /** The vendor's request id, when a vendor call failed. */
      requestId?: string;
    };

export const ok = <T>(data: T, message?: string): ActionResult<T> => ({ ok: true, data, message });
export const fail = (
  code: string,
  message: string,
  extra?: { fieldErrors?: Record<string, string[] | undefined>; requestId?: string },
): ActionResult<never> => ({
  ok: false,
  code,
  message,
  ...extra,
});
