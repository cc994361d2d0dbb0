import "server-only";

import type { ConnectionInput } from "@/lib/connections/schemas";
import type {
  CertificateSet,
  CertificateSetAction,
  CertificateSetKind,
  ConnectionTestResult,
  ExternalApplication,
  FederatedCredential,
  FederatedTokenExchangeResult,
} from "./contracts";
import type { Vendor } from "./descriptors";
import type { FederatedCredentialFormInput, FederatedTokenExchangeInput } from "./inputs";

// The vendor-neutral model: what the dashboard knows about certificates and federated
// credentials, whatever the vendor. Adapters return only these types, never vendor shapes.

export { CERTIFICATE_SET_ACTIONS } from "./contracts";
export type {
  CertificateSet,
  CertificateSetAction,
  CertificateSetKind,
  CertificateSlot,
  CertificateSlotAction,
  ClientSecretInfo,
  ConnectionCheck,
  ConnectionTestResult,
  ExternalApplication,
  FederatedCredential,
  FederatedTokenExchangeResult,
} from "./contracts";

/** A stored connection with its secrets decrypted by the caller. */
export type VendorConnection = { id: string } & ConnectionInput;

/** The connection of one vendor. */
export type ConnectionFor<V extends Vendor> = Extract<VendorConnection, { vendor: V }>;

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

/** Federated credential management (external applications), for vendors that have it. */
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
