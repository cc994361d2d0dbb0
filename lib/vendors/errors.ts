import "server-only";

import { VENDOR_LABELS, type Vendor } from "@/lib/connections/schemas";
import { defaultUserMessage } from "./errors-messages";
import type { VendorErrorJSON, VendorErrorKind, WriteOutcome } from "./contracts";

export { VENDOR_ERROR_KINDS } from "./contracts";
export type { VendorErrorJSON, VendorErrorKind, WriteOutcome } from "./contracts";

/** The fields a `VendorError` is built from. Only `vendor`, `kind` and `operation` are required. */
export interface VendorErrorInit {
  vendor: Vendor;
  kind: VendorErrorKind;
  /** A short verb phrase for messages, e.g. "list SAML certificate sets". */
  operation: string;
  status?: number;
  vendorCode?: string;
  vendorMessage?: string;
  requestId?: string;
  retryable?: boolean;
  userMessage?: string;
  fieldErrors?: Record<string, string[]>;
  /** Method and URL of the request, without query string (never carries credentials). */
  method?: string;
  url?: string;
  retryAfterSeconds?: number;
  outcome?: WriteOutcome;
  /**
   * True when a write may have been applied although it failed: no answer in time, a connection
   * lost after sending, or a 2xx whose body is unreadable. Only a re-read can tell what happened.
   * Defaults to true for `ambiguous-write`.
   */
  ambiguous?: boolean;
  /** How long Trustdeck waited for an answer before giving up (time-outs). */
  waitedMs?: number;
  /** How many times a read was sent before giving up (retries included). */
  attempts?: number;
  cause?: unknown;
}

const RETRYABLE_BY_DEFAULT: ReadonlySet<VendorErrorKind> = new Set([
  "rate-limited",
  "unavailable",
  "timeout",
  "connection-lost",
  "network",
]);

/**
 * The one error type for every vendor failure. It carries the vendor's own code, message and
 * request id (UiPath trace id, Cloudflare cf-ray, Huawei X-Request-Id) for support tickets, and
 * a sentence telling the user what to do. It never holds a secret, token, signature or request
 * body: messages from vendors are redacted before they get here (see `redactSecrets`).
 */
export class VendorError extends Error {
  override readonly name = "VendorError";
  readonly vendor: Vendor;
  readonly kind: VendorErrorKind;
  readonly operation: string;
  readonly status: number | undefined;
  readonly vendorCode: string | undefined;
  readonly vendorMessage: string | undefined;
  readonly requestId: string | undefined;
  readonly retryable: boolean;
  readonly userMessage: string;
  readonly fieldErrors: Record<string, string[]> | undefined;
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly outcome: WriteOutcome | undefined;
  readonly ambiguous: boolean;
  readonly waitedMs: number | undefined;
  readonly attempts: number | undefined;

  constructor(init: VendorErrorInit) {
    const userMessage = init.userMessage ?? defaultUserMessage(init);
    super(
      `${VENDOR_LABELS[init.vendor]}: could not ${init.operation} (${init.kind}${init.status ? `, HTTP ${init.status}` : ""}${init.vendorCode ? `, ${init.vendorCode}` : ""})`,
      {
        cause: init.cause,
      },
    );
    this.vendor = init.vendor;
    this.kind = init.kind;
    this.operation = init.operation;
    this.status = init.status;
    this.vendorCode = init.vendorCode;
    this.vendorMessage = init.vendorMessage;
    this.requestId = init.requestId;
    this.retryable = init.retryable ?? RETRYABLE_BY_DEFAULT.has(init.kind);
    this.userMessage = userMessage;
    this.fieldErrors = init.fieldErrors;
    this.method = init.method;
    this.url = init.url;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.outcome = init.outcome;
    this.ambiguous = init.kind === "ambiguous-write" || (init.ambiguous ?? false);
    this.waitedMs = init.waitedMs;
    this.attempts = init.attempts;
  }

  /** A stable code in the `kind:vendor` form, e.g. `permission:cloudflare`. */
  get code(): string {
    return `${this.kind}:${this.vendor}`;
  }

  /** A copy with some fields replaced (errors are immutable). */
  with(changes: Partial<VendorErrorInit>): VendorError {
    return new VendorError({ ...this.toInit(), userMessage: undefined, ...changes });
  }

  /** Browser-safe: no stack, no cause, no headers, no bodies. */
  toJSON(): VendorErrorJSON {
    return {
      name: "VendorError",
      code: this.code,
      vendor: this.vendor,
      kind: this.kind,
      operation: this.operation,
      status: this.status ?? null,
      vendorCode: this.vendorCode ?? null,
      vendorMessage: this.vendorMessage ?? null,
      requestId: this.requestId ?? null,
      retryable: this.retryable,
      userMessage: this.userMessage,
      ...(this.fieldErrors ? { fieldErrors: this.fieldErrors } : {}),
      method: this.method ?? null,
      url: this.url ?? null,
      retryAfterSeconds: this.retryAfterSeconds ?? null,
      outcome: this.outcome ?? null,
      ambiguous: this.ambiguous,
      waitedMs: this.waitedMs ?? null,
      attempts: this.attempts ?? null,
    };
  }

  private toInit(): VendorErrorInit {
    return {
      vendor: this.vendor,
      kind: this.kind,
      operation: this.operation,
      status: this.status,
      vendorCode: this.vendorCode,
      vendorMessage: this.vendorMessage,
      requestId: this.requestId,
      retryable: this.retryable,
      userMessage: this.userMessage,
      fieldErrors: this.fieldErrors,
      method: this.method,
      url: this.url,
      retryAfterSeconds: this.retryAfterSeconds,
      outcome: this.outcome,
      ambiguous: this.ambiguous,
      waitedMs: this.waitedMs,
      attempts: this.attempts,
      cause: this.cause,
    };
  }
}

/** True for a `VendorError`, optionally of one of the given kinds. */
export function isVendorError(value: unknown, ...kinds: VendorErrorKind[]): value is VendorError {
  return value instanceof VendorError && (kinds.length === 0 || kinds.includes(value.kind));
}

/**
 * Replaces every occurrence of the given secrets (and anything shaped like a bearer token or an
 * AK/SK signature) in a vendor-supplied text. Vendors sometimes echo request details in error
 * messages; Huawei's gateway even echoes its canonical request, which can include a security token.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join("[redacted]");
  }
  return out
    .replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, "$1[redacted]")
    .replace(/(Signature=)[0-9a-f]{16,}/gi, "$1[redacted]")
    .replace(/(client_secret=|client_assertion=|access_token["':= ]+)[^&\s"',]+/gi, "$1[redacted]");
}
