import "server-only";

import type { ConnectionInput, Vendor } from "@/lib/connections/schemas";
import type { CertificateSummary } from "@/lib/x509/summary";
import type { VendorErrorJSON } from "./errors";
import type { FederatedCredentialFormInput, FederatedTokenExchangeInput } from "./inputs";

// The vendor-neutral model: what the dashboard knows about certificates and federated
// credentials, whatever the vendor. Adapters return only these types, never vendor shapes.

/** A stored connection with its secrets decrypted by the caller. */
export type VendorConnection = { id: string } & ConnectionInput;

/** The connection of one vendor. */
export type ConnectionFor<V extends Vendor> = Extract<VendorConnection, { vendor: V }>;

/** Every kind of certificate set, one per vendor concept. */
export const CERTIFICATE_SET_KINDS = ["uipath-saml", "cloudflare-saml", "huawei-sp", "huawei-idp"] as const;
/** What a set is: UiPath's SAML signing pair, a Cloudflare encryption set, Huawei SP or IdP certificates. */
export type CertificateSetKind = (typeof CERTIFICATE_SET_KINDS)[number];

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
  /** `primary`/`secondary` (UiPath), `current`/`previous` (Cloudflare), or a vendor certificate id (Huawei). */
  slot: "primary" | "secondary" | "current" | "previous" | (string & {});
  /** The vendor's id of the certificate in this slot, used by slot actions. */
  vendorId?: string;
  /** The vendor's own state (Huawei SP certificates). */
  state?: "ACTIVE" | "INACTIVE" | "EXPIRED";
  /** Null when the slot is empty or the certificate could not be parsed (see `parseError`). */
  certificate: CertificateSummary | null;
  parseError?: string;
  /** The slot actions this certificate allows now (e.g. no delete of the active SP certificate). */
  actions?: CertificateSlotAction[];
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
}

/** Inputs of each action besides the set id. */
export interface CertificateActionInputs {
  "upload-primary": { certificate: string };
  "upload-secondary": { certificate: string };
  switch: Record<never, never>;
  "delete-certificate": { certificateId: string };
  rotate: Record<never, never>;
  "download-pem": Record<never, never>;
  "create-sp-certificate": Record<never, never>;
  activate: { certificateId: string };
  "import-idp-certificate": { pem: string };
}

/** The request of one action. */
export type CertificateActionRequest<A extends CertificateSetAction> = {
  setId: string;
} & CertificateActionInputs[A];

/** A PEM file to hand to the browser as a download (public certificates only). */
export interface PemDownload {
  filename: string;
  pem: string;
}

/** What an action returns: the download for `download-pem`, else the set as re-read after the change. */
export type CertificateActionResult<A extends CertificateSetAction> = A extends "download-pem"
  ? PemDownload
  : CertificateSet;

/** One handler per supported action; the adapter's type says which exist. */
export type CertificateActionHandlers<C, A extends CertificateSetAction> = {
  [K in A]: (conn: C, request: CertificateActionRequest<K>) => Promise<CertificateActionResult<K>>;
};

/** The UiPath FederatedCredentialDto, in our model. Nullable where UiPath says so. */
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

/** A UiPath external (OAuth) application, secret values stripped. */
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

/** Federated credential management (UiPath external applications). */
export interface FederatedCredentialOperations<C> {
  listExternalApplications(conn: C): Promise<ExternalApplication[]>;
  listFederatedCredentials(conn: C, clientId: string): Promise<FederatedCredential[]>;
  getFederatedCredential(conn: C, clientId: string, credentialId: string): Promise<FederatedCredential>;
  createFederatedCredential(
    conn: C,
    clientId: string,
    input: FederatedCredentialFormInput,
  ): Promise<FederatedCredential>;
  /** A full replacement: every field is sent. */
  updateFederatedCredential(
    conn: C,
    clientId: string,
    credentialId: string,
    input: FederatedCredentialFormInput,
  ): Promise<FederatedCredential>;
  deleteFederatedCredential(conn: C, clientId: string, credentialId: string): Promise<void>;
  exchangeFederatedToken(conn: C, input: FederatedTokenExchangeInput): Promise<FederatedTokenExchangeResult>;
}

/** One line of a connection test. */
export interface ConnectionCheck {
  /** A stable name: "reach", "credentials", "permission:PM.AuthSetting", "account", "clock"… */
  name: string;
  ok: boolean;
  /** Says precisely what is wrong and what to do, or what was verified. */
  message: string;
  error?: VendorErrorJSON;
}

/** The result of `testConnection`: ok when every check passed. */
export interface ConnectionTestResult {
  ok: boolean;
  checks: ConnectionCheck[];
  /** ISO 8601 */
  checkedAt: string;
}

/** What an adapter can do; the UI offers exactly this. */
export interface AdapterCapabilities<A extends CertificateSetAction, F extends boolean> {
  setKinds: readonly CertificateSetKind[];
  actions: readonly A[];
  federatedCredentials: F;
}

/**
 * One vendor's implementation of the product's operations. Unsupported operations are absent
 * from its type: `actions` only has handlers for the adapter's actions, and
 * `federatedCredentials` is null for vendors without them.
 */
export interface VendorAdapter<V extends Vendor, A extends CertificateSetAction, F extends boolean> {
  readonly vendor: V;
  readonly capabilities: AdapterCapabilities<A, F>;
  listCertificateSets(conn: ConnectionFor<V>): Promise<CertificateSet[]>;
  getCertificateSet(conn: ConnectionFor<V>, setId: string): Promise<CertificateSet>;
  readonly actions: CertificateActionHandlers<ConnectionFor<V>, A>;
  /** A cheap authenticated read that says precisely what is wrong. Never throws for vendor failures. */
  testConnection(conn: ConnectionFor<V>): Promise<ConnectionTestResult>;
  readonly federatedCredentials: F extends true ? FederatedCredentialOperations<ConnectionFor<V>> : null;
}
