import "server-only";

import { waited } from "./errors-messages";
import { isVendorError, type VendorError } from "./errors";
import type { ConnectionCheck, ConnectionTestResult } from "./model";

/** One step of a connection test: resolves with what it verified, or throws a `VendorError`. */
export interface CheckStep {
  name: string;
  /** The request the step sends ("GET https://…"), shown with its result. */
  url?: string;
  run: () => Promise<string>;
  /** A vendor-specific explanation of a failure; falls back to `explainFailure`. */
  explain?: (error: VendorError) => string | undefined;
}

/**
 * Runs the steps in order and stops at the first failure: later steps depend on earlier ones
 * (no point checking a permission with a wrong secret), and each request counts against the
 * vendor's rate limits.
 */
export async function runConnectionTest(
  steps: readonly CheckStep[],
  now: () => number,
): Promise<ConnectionTestResult> {
  const checks: ConnectionCheck[] = [];
  for (const step of steps) {
    try {
      checks.push({ name: step.name, ok: true, message: await step.run(), ...urlOf(step) });
    } catch (error) {
      if (!isVendorError(error)) throw error;
      checks.push({
        name: step.name,
        ok: false,
        message: step.explain?.(error) ?? explainFailure(error),
        ...urlOf(step),
        error: error.toJSON(),
      });
      break;
    }
  }
  return { ok: checks.every((check) => check.ok), checks, checkedAt: new Date(now()).toISOString() };
}

function urlOf(step: CheckStep): { url?: string } {
  return step.url ? { url: step.url } : {};
}

/** The transport-level explanations every vendor shares. */
export function explainFailure(error: VendorError): string {
  const host = error.url && URL.canParse(error.url) ? new URL(error.url).host : "the vendor";
  switch (error.kind) {
    case "network":
      return `Cannot reach ${host}: ${error.vendorMessage ?? "connection failed"}. Check the base URL and that this server can reach that host.`;
    case "tls":
      return `The TLS connection to ${host} failed: ${error.vendorMessage ?? "handshake failed"}. Check the host name, and that this server trusts the certificate (NODE_EXTRA_CA_CERTS for a private CA).`;
    case "connection-lost":
      return `The connection to ${host} was cut before it answered (${error.vendorMessage ?? "connection lost"}). Check proxies and firewalls between this server and that host.`;
    case "timeout":
      return `${host} did not answer ${waited(error.waitedMs)}. Check the base URL and the network path (proxy, firewall).`;
    case "wrong-base-url":
      return `${error.vendorMessage ?? "The answer was not the vendor's API"}. Check that the base URL points at the API.`;
    default:
      return error.userMessage;
  }
}
