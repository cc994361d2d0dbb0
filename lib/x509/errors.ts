/**
 * Stable error codes for everything `lib/x509` refuses. Callers (forms, server actions, vendor
 * adapters) switch on the code; the message is a plain sentence meant for an administrator.
 */
export type X509ErrorCode =
  | "ERR_EMPTY"
  | "ERR_TOO_LARGE"
  | "ERR_PRIVATE_KEY"
  | "ERR_CSR"
  | "ERR_PUBLIC_KEY"
  | "ERR_PKCS12"
  | "ERR_JWT"
  | "ERR_TRUNCATED_PEM"
  | "ERR_CORRUPT"
  | "ERR_NOT_CERTIFICATE"
  | "ERR_NOT_SINGLE_CERTIFICATE";

/** A refusal: what went wrong, in a stable code and a sentence. */
export interface X509Error {
  code: X509ErrorCode;
  message: string;
}

/**
 * Thrown by the few functions that throw (e.g. `summarizeCertificatePem`) instead of returning a
 * result union, so server code can `catch` and still read the stable `.code`.
 */
export class X509InputError extends Error {
  readonly code: X509ErrorCode;

  constructor(code: X509ErrorCode, message: string) {
    super(message);
    this.name = "X509InputError";
    this.code = code;
  }
}

/** Builds a refusal object; keeps call sites to one line. */
export function x509Error(code: X509ErrorCode, message: string): X509Error {
  return { code, message };
}

/** Returns `true` when `error` is an `X509InputError` (works across bundles, unlike instanceof). */
export function isX509InputError(error: unknown): error is X509InputError {
  return error instanceof Error && error.name === "X509InputError" && "code" in error;
}
