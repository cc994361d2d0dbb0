import type { VendorRuntime } from "../runtime";
import { RateWindow } from "../core/rate-window";

/** One SAML certificate slot at a UiPath organization. */
export interface SamlCertificate {
  id: number;
  /** Base64 DER, as UiPath returns it (no PEM armour). */
  base64Der: string;
  /** Upper-case SHA-1 hex of the DER. */
  thumbprint: string;
}

/** An external application's client secret. */
export interface AppSecret {
  id: number;
  description: string;
  secret: string;
  creationTime: string;
  expiryTime: string | null;
}

/** A FederatedCredentialDto, as stored. */
export interface FederatedCredential {
  id: string;
  clientId: string;
  name: string;
  description: string | null;
  issuer: string;
  audience: string;
  subject: string;
  createdAt: string;
  updatedAt: string;
}

/** An OAuth external application (ExternalClient). */
export interface ExternalApp {
  id: string;
  name: string;
  isConfidential: boolean;
  redirectUri: string | null;
  /** Application scopes the admin granted; requested scopes must be a subset. */
  scopes: string[];
  secrets: AppSecret[];
  federatedCredentials: FederatedCredential[];
}

/** A UiPath organization. */
export interface UipathOrg {
  name: string;
  partitionGlobalId: string;
  primary: SamlCertificate | null;
  secondary: SamlCertificate | null;
  apps: ExternalApp[];
}

/** An issued access token. */
export interface AccessTokenRecord {
  clientId: string;
  orgName: string;
  scopes: string[];
  expiresAtMs: number;
}

/** The UiPath simulator's state. */
export interface UipathState {
  orgs: UipathOrg[];
  nextCertificateId: number;
  /** Opaque lookups; cleared on reset with the rest of the state. */
  tokens: Map<string, AccessTokenRecord>;
  /** Per-org, per-method counters in 5-minute windows. */
  rateWindow: RateWindow;
}

/** An empty state with no organizations. */
export function emptyUipathState(): UipathState {
  return { orgs: [], nextCertificateId: 1001, tokens: new Map(), rateWindow: new RateWindow(5 * 60_000) };
}

/** Finds an organization by name, case-insensitively (UiPath URLs are). */
export function findOrg(state: UipathState, name: string): UipathOrg | undefined {
  const lower = name.toLowerCase();
  return state.orgs.find((o) => o.name.toLowerCase() === lower);
}

/** Finds an external application and its organization by client id. */
export function findApp(
  state: UipathState,
  clientId: string,
): { org: UipathOrg; app: ExternalApp } | undefined {
  for (const org of state.orgs) {
    const app = org.apps.find((a) => a.id.toLowerCase() === clientId.toLowerCase());
    if (app) return { org, app };
  }
  return undefined;
}

/** The UiPath simulator's own switches. */
export interface UipathSettings {
  /** UiPath does not document Retry-After on 429; send it unless this is false. */
  uipathRetryAfter: boolean;
}

/** What the UiPath simulator's code sees. */
export type UipathRuntime = VendorRuntime<UipathState, UipathSettings>;
