// Client-safe: the vendor-neutral shapes the browser renders (certificate sets, federated
// credentials, connection tests, vendor errors). Server code reaches them through `model.ts`
// and `errors.ts`, which re-export them; components import them from here.
import type { SlotRole } from "./descriptor";
import type { CertificateSetKind, Vendor } from "./descriptors";
import type { CertificateSummary } from "@/lib/x509/summary";

/** What a set is: one of the set kinds the vendor descriptors declare. */
export type { CertificateSetKind, SlotRole };

/** Every certificate-set action any adapter may offer. */
export const CERTIFICATE_SET_ACTIONS = [
  "upload-primary",
  "upload-secondary",
  "switch",
  "delete-certificate",
  "rotate",
  "download-pem",
  "create-sp-certificate",
  "activate",
  "import-idp-certificate",
] as const;
/** A change (or download) the dashboard can make to a certificate set. */
export type CertificateSetAction = (typeof CERTIFICATE_SET_ACTIONS)[number];

/** The actions that target one certificate of a set, listed on the slot they apply to. */
export type CertificateSlotAction = Extract<CertificateSetAction, "delete-certificate" | "activate">;

/** One certificate position in a set. */
export interface CertificateSlot {
  /** A slot name its set kind declares (`namedSlots`), or a vendor certificate id. */
  slot: string;
  /** The vendor's id of the certificate in this slot, used by slot actions. */
  vendorId?: string;
  /** The vendor's own state, where the vendor keeps one per certificate. */
  state?: "ACTIVE" | "INACTIVE" | "EXPIRED";
  /** Null when the slot is empty or the certificate could not be parsed (see `parseError`). */
  certificate: CertificateSummary | null;
  parseError?: string;
  /** The slot actions this certificate allows now (e.g. no delete of the active SP certificate). */
  actions?: CertificateSlotAction[];
  /** What sign-in depends on it for, derived by the adapter from the vendor's semantics. */
  role?: SlotRole;
  /** One sentence that explains the role in the vendor's terms. */
  roleExplanation?: string;
}

/** A group of certificate slots at one connection, with the actions it allows now. */
export interface CertificateSet {
  /** Unique within the connection; pass it back to `getCertificateSet` and the actions. */
  id: string;
  connectionId: string;
  vendor: Vendor;
  kind: CertificateSetKind;
  label: string;
  slots: CertificateSlot[];
  /** Every action available on this set, including slot actions available on some slot. */
  actions: CertificateSetAction[];
  /** ISO 8601, when the vendor says the set last changed. */
  updatedAt?: string;
  /**
   * False when the vendor says nothing signs in through the set now (a disabled external IdP);
   * absent when it does not say.
   */
  inUse?: boolean;
}

/** A federated credential of an external application, in our model. Nullable where the vendor says so. */
export interface FederatedCredential {
  id: string;
  clientId: string | null;
  name: string | null;
  description: string | null;
  issuer: string | null;
  audience: string | null;
  subject: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Metadata of an external application's client secret; the secret value never leaves the server. */
export interface ClientSecretInfo {
  id: number;
  description: string | null;
  createdAt: string | null;
  expiresAt: string | null;
}

/** An external (OAuth) application, secret values stripped. */
export interface ExternalApplication {
  clientId: string;
  name: string;
  isConfidential: boolean;
  /** Scope names granted to the application, e.g. `PM.OAuthApp.Read`. */
  scopes: string[];
  credentials?: ClientSecretInfo[];
}

/** The outcome of a test exchange of an external JWT: what was granted, never the token. */
export interface FederatedTokenExchangeResult {
  grantedScopes: string[];
  tokenType: string;
  expiresInSeconds: number;
  /** ISO 8601 */
  expiresAt: string;
}

/** One line of a connection test. */
export interface ConnectionCheck {
  /** A stable name: "reach", "credentials", "permission:PM.AuthSetting", "account", "clock"… */
  name: string;
  ok: boolean;
  /** Says precisely what is wrong and what to do, or what was verified. */
  message: string;
  /** The request this check sent ("POST https://…/identity_/connect/token"), when it sent one. */
  url?: string;
  error?: VendorErrorJSON;
}

/** The result of `testConnection`: ok when every check passed. */
export interface ConnectionTestResult {
  ok: boolean;
  checks: ConnectionCheck[];
  /** ISO 8601 */
  checkedAt: string;
}

/** Every way a vendor call can fail, as the UI needs to tell them apart. */
export const VENDOR_ERROR_KINDS = [
  "auth",
  "credentials-expired",
  "clock-skew",
  "permission",
  "wrong-account",
  "not-found",
  "validation",
  "rate-limited",
  "unavailable",
  "timeout",
  "malformed-response",
  "wrong-base-url",
  "ambiguous-write",
  "connection-lost",
  "network",
  "tls",
] as const;
export type VendorErrorKind = (typeof VENDOR_ERROR_KINDS)[number];

/**
 * What an ambiguous write turned out to be after the adapter re-read the vendor's state:
 * `applied` (the change is there), `not-applied` (nothing changed, safe to try again) or `unknown`.
 */
export type WriteOutcome = "applied" | "not-applied" | "unknown";

/** The browser-safe form of a `VendorError` (what `toJSON()` returns). */
export interface VendorErrorJSON {
  name: "VendorError";
  code: string;
  vendor: Vendor;
  kind: VendorErrorKind;
  operation: string;
  status: number | null;
  vendorCode: string | null;
  vendorMessage: string | null;
  requestId: string | null;
  retryable: boolean;
  userMessage: string;
  fieldErrors?: Record<string, string[]>;
  method: string | null;
  url: string | null;
  retryAfterSeconds: number | null;
  outcome: WriteOutcome | null;
  ambiguous: boolean;
  waitedMs: number | null;
  attempts: number | null;
}
