import "server-only";
import { OutboundRefusedError } from "@/lib/net/guarded-fetch-like";

/** The reason we give an attempt's AbortController when our own timeout fires. */
export class AttemptTimeout extends Error {
  override readonly name = "AttemptTimeout";
  constructor(readonly timeoutMs: number) {
    super(`No answer within ${timeoutMs} ms`);
  }
}

/** A failure below HTTP: no status line, or a body that could not be read to the end. */
export interface TransportFailure {
  /**
   * `network`: the server could not be reached at all; `connection-lost`: a connection was made
   * and then cut (reset, closed, dropped) before a whole answer arrived.
   */
  kind: "timeout" | "network" | "connection-lost" | "tls";
  /**
   * False when the request certainly never reached the server (DNS failure, refused connection,
   * TLS handshake failure): only then is a failed write known not to have happened.
   */
  maybeSent: boolean;
  /** A short technical reason without secrets, e.g. "ECONNREFUSED" or "certificate has expired". */
  reason: string;
  /** For time-outs: how long this attempt waited, when known. */
  waitedMs?: number;
}

const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
]);

const TLS_CODE =
  /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|EPROTO$)/;

const DESCRIPTIONS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host name not found",
  EAI_AGAIN: "DNS lookup failed",
  ECONNRESET: "connection reset",
  UND_ERR_SOCKET: "connection closed by the server",
  UND_ERR_CONNECT_TIMEOUT: "connect timeout",
  CERT_HAS_EXPIRED: "the server certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "the server certificate chain ends in an untrusted root",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server certificate's issuer is not trusted",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "the server certificate's issuer is not trusted",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server certificate does not match the host name",
};

/** Classifies what `fetch` (undici) or a body read threw, walking `cause` chains and AggregateErrors. */
export function classifyTransportError(
  error: unknown,
  signal: AbortSignal,
  elapsedMs?: number,
): TransportFailure {
  if (signal.aborted && signal.reason instanceof AttemptTimeout) {
    return {
      kind: "timeout",
      maybeSent: true,
      reason: signal.reason.message,
      waitedMs: signal.reason.timeoutMs,
    };
  }
  // Refused by our own checks before any connection (vendor-fetch.ts): certainly not sent.
  if (error instanceof OutboundRefusedError)
    return { kind: "network", maybeSent: false, reason: error.message };
  const codes = collectCodes(error);
  const tls = codes.find((code) => TLS_CODE.test(code));
  if (tls) return { kind: "tls", maybeSent: false, reason: DESCRIPTIONS[tls] ?? tls };
  if (codes.includes("UND_ERR_CONNECT_TIMEOUT"))
    return { kind: "timeout", maybeSent: false, reason: "connect timeout", waitedMs: elapsedMs };
  const code = codes[0];
  // undici refuses some ports (the fetch spec's "bad port" list) before connecting.
  if (!code && error instanceof Error && error.cause instanceof Error && error.cause.message === "bad port") {
    return { kind: "network", maybeSent: false, reason: "port blocked by fetch (bad port)" };
  }
  if (code && NOT_SENT_CODES.has(code))
    return { kind: "network", maybeSent: false, reason: DESCRIPTIONS[code] ?? code };
  return {
    kind: "connection-lost",
    maybeSent: true,
    reason: code ? (DESCRIPTIONS[code] ?? code) : describe(error),
  };
}

function collectCodes(error: unknown, depth = 0): string[] {
  if (depth > 5 || typeof error !== "object" || error === null) return [];
  const codes: string[] = [];
  if ("code" in error && typeof error.code === "string") codes.push(error.code);
  if (error instanceof AggregateError)
    for (const inner of error.errors) codes.push(...collectCodes(inner, depth + 1));
  if ("cause" in error) codes.push(...collectCodes(error.cause, depth + 1));
  // Prefer the most specific code: the innermost socket/TLS error rather than a generic wrapper.
  return codes.sort((a, b) => Number(isGeneric(a)) - Number(isGeneric(b)));
}

function isGeneric(code: string): boolean {
  return code === "ERR_INVALID_ARG_TYPE" || code === "ABORT_ERR";
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.slice(0, 120);
  return "connection failed";
}
