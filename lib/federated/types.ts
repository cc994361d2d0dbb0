// Client-safe: what the federated-credential pages render (applications, preflight, test exchange).
import type { ErrorCode } from "@/lib/auth/error-codes";
import type { FederatedCredential, VendorErrorJSON } from "@/lib/vendors/contracts";
import type { ExchangeFailurePoint } from "./exchange-error";
import type { IssuerKey } from "./jwks";

/** One external application with its credentials (null when they could not be read). */
export interface ApplicationView {
  clientId: string;
  name: string;
  isConfidential: boolean;
  scopes: string[];
  credentials: FederatedCredential[] | null;
  error: VendorErrorJSON | null;
  /** The application is the connection's own: the one Trustdeck authenticates with at UiPath. */
  usedByTrustdeck: boolean;
}

/** What the pages need to know about a UiPath connection besides its applications. */
export interface ConnectionSummary {
  connectionId: string;
  connectionName: string;
  organizationName: string;
  baseUrl: string;
  enabled: boolean;
  /** Whether the connection requests a scope that allows credential writes. */
  canWrite: boolean;
  /** The audience most credentials here use, else `{accessURL}/{organization}`: the form's default. */
  suggestedAudience: string;
}

export interface ConnectionFederation extends ConnectionSummary {
  apps: ApplicationView[];
  error: VendorErrorJSON | null;
}

export type PreflightCheckName = "discovery" | "issuer" | "jwks" | "rs256";

/** One step of the preflight, with what was verified or exactly what failed. */
export interface PreflightCheck {
  name: PreflightCheckName;
  ok: boolean;
  message: string;
}

export interface PreflightResult {
  ok: boolean;
  issuer: string;
  checks: PreflightCheck[];
  /** The published keys (no key material), for the tester's kid check. */
  keys: IssuerKey[];
  /** The first failure, or what was verified. */
  summary: string;
  /** ISO 8601 */
  checkedAt: string;
}

/** What the browser is told about an exchange: what was granted, or where it failed. Never a token. */
export type ExchangeView =
  | {
      exchanged: true;
      grantedScopes: string[];
      tokenType: string;
      expiresInSeconds: number;
      expiresAt: string;
    }
  | {
      exchanged: false;
      code: ErrorCode;
      message: string;
      point: ExchangeFailurePoint | null;
      requestId: string | null;
    };
