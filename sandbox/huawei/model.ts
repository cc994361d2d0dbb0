import type { VendorRuntime } from "../runtime";
import type { ParsedCertificate } from "../certs/parse-certificate";

/** An AK/SK pair bound to an account and a role. Temporary credentials carry a security token. */
export interface HwCredential {
  accessKey: string;
  secretKey: string;
  domainId: string;
  /** Only the management account or a delegated administrator may call Identity Center. */
  role: "management" | "delegated_admin" | "member";
  securityToken?: string;
  expiresAt?: Date;
}

/** A service-provider SAML signing certificate. `EXPIRED` is derived from the clock. */
export interface SpCertificate {
  id: string;
  /** PEM with CRLF line ends, as the API returns it. */
  pem: string;
  expiry: Date;
  active: boolean;
}

/** An imported external IdP signing certificate, parsed once on import. */
export interface IdpCertificate {
  id: string;
  pem: string;
  parsed: ParsedCertificate;
}

/** An external SAML identity provider of a store. */
export interface ExternalIdp {
  id: string;
  enabled: boolean;
  entityId: string;
  loginUrl: string;
  wantRequestSigned: boolean;
  certificates: IdpCertificate[];
}

/** An Identity Store (identity source) of an IAM Identity Center instance. */
export interface IdentityStore {
  id: string;
  instanceId: string;
  region: string;
  domainId: string;
  spCertificates: SpCertificate[];
  idps: ExternalIdp[];
}

/** The Huawei simulator's state. */
export interface HuaweiState {
  credentials: HwCredential[];
  stores: IdentityStore[];
}

/** An empty state. */
export function emptyHuaweiState(): HuaweiState {
  return { credentials: [], stores: [] };
}

/** What the Huawei simulator's code sees. */
export type HuaweiRuntime = VendorRuntime<HuaweiState>;
