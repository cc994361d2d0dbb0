// Client-safe: the closed list of error codes of `ActionResult`, and the maps from the codes of
// lower layers (vendor error kinds, lib/x509's ERR_* codes) onto it.
import type { VendorErrorKind } from "@/lib/vendors/contracts";
import type { X509ErrorCode } from "@/lib/x509/errors";

/**
 * Every error code a server action or route handler can return, kebab-case, each with the kind of
 * trouble it is. The client decides how to show an error from this map (never from the text of a
 * code): `certificate` refusals stay next to the certificate input, the others are notices.
 */
export const ERROR_CODES = {
  // The caller and the request.
  unauthenticated: "session",
  forbidden: "session",
  // A state change whose Origin is missing or another site's (CSRF).
  "bad-origin": "session",
  "invalid-input": "input",
  // A request body of the wrong shape (not the action's arguments).
  "invalid-body": "input",
  // What the request names, or a rule of ours it would break.
  "not-found": "conflict",
  "name-taken": "conflict",
  "username-taken": "conflict",
  "vendor-changed": "conflict",
  "last-admin": "conflict",
  "self-change": "conflict",
  "connection-disabled": "conflict",
  // A base URL the server does not send secrets to; a destination changed without its secrets.
  "destination-refused": "input",
  "secret-required": "input",
  // A stored secret that does not open for the connection's destination: nothing was sent.
  "secret-unreadable": "conflict",
  "not-offered": "conflict",
  "last-valid-certificate": "conflict",
  // Someone acknowledged this drift entry first (a second click, or two operators at once).
  "already-acknowledged": "conflict",
  // Our own checks of what was sent.
  lint: "input",
  // A dangerous change sent without the explicit acknowledgement its form asks for.
  "acknowledgement-required": "input",
  preflight: "input",
  "webhook-refused": "input",
  "webhook-failed": "delivery",
  // A certificate input refused by the server's check (lib/x509's ERR_* codes, mapped).
  empty: "certificate",
  "too-large": "certificate",
  "private-key": "certificate",
  csr: "certificate",
  "public-key": "certificate",
  pkcs12: "certificate",
  jwt: "certificate",
  "truncated-pem": "certificate",
  corrupt: "certificate",
  "not-certificate": "certificate",
  "not-single-certificate": "certificate",
  "not-one-certificate": "certificate",
  expired: "certificate",
  "duplicate-certificate": "certificate",
  // The vendor (see `VENDOR_ERROR_CODES`).
  "vendor-auth": "vendor",
  "credentials-expired": "vendor",
  "clock-skew": "vendor",
  "vendor-permission": "vendor",
  "wrong-account": "vendor",
  "vendor-not-found": "vendor",
  "vendor-validation": "vendor",
  "rate-limited": "vendor",
  unavailable: "vendor",
  timeout: "vendor",
  "malformed-response": "vendor",
  "wrong-base-url": "vendor",
  "ambiguous-write": "vendor",
  "connection-lost": "vendor",
  "write-not-applied": "vendor",
  "write-unknown": "vendor",
  network: "vendor",
  tls: "vendor",
  // A vendor answered with a certificate that does not decode.
  malformed: "vendor",
  // Anything unexpected (logged on the server, never detailed to the client).
  internal: "internal",
  "server-lost": "internal",
} as const satisfies Record<string, ErrorKind>;

/** The kind of trouble an error code stands for. */
export type ErrorKind = "session" | "input" | "conflict" | "certificate" | "delivery" | "vendor" | "internal";

/** One of the error codes in `ERROR_CODES`. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Whether `value` is one of the error codes (for bodies read back from a route handler). */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_CODES, value);
}

/** A vendor failure's code: the kind itself, or `vendor-<kind>` where the kind would read as ours. */
export const VENDOR_ERROR_CODES = {
  auth: "vendor-auth",
  "credentials-expired": "credentials-expired",
  "clock-skew": "clock-skew",
  permission: "vendor-permission",
  "wrong-account": "wrong-account",
  "not-found": "vendor-not-found",
  validation: "vendor-validation",
  "rate-limited": "rate-limited",
  unavailable: "unavailable",
  timeout: "timeout",
  "malformed-response": "malformed-response",
  "wrong-base-url": "wrong-base-url",
  "ambiguous-write": "ambiguous-write",
  "connection-lost": "connection-lost",
  network: "network",
  tls: "tls",
} as const satisfies Record<VendorErrorKind, ErrorCode>;

/** lib/x509 keeps its library codes (`ERR_PRIVATE_KEY`); results carry these instead. */
export const X509_ERROR_CODES = {
  ERR_EMPTY: "empty",
  ERR_TOO_LARGE: "too-large",
  ERR_PRIVATE_KEY: "private-key",
  ERR_CSR: "csr",
  ERR_PUBLIC_KEY: "public-key",
  ERR_PKCS12: "pkcs12",
  ERR_JWT: "jwt",
  ERR_TRUNCATED_PEM: "truncated-pem",
  ERR_CORRUPT: "corrupt",
  ERR_NOT_CERTIFICATE: "not-certificate",
  ERR_NOT_SINGLE_CERTIFICATE: "not-single-certificate",
} as const satisfies Record<X509ErrorCode, ErrorCode>;
