import type { ActionResult } from "@/lib/auth/action-result";
import type { IssuerKeys } from "@/lib/federated/jwks";
import type { PreflightResult } from "@/lib/federated/types";
import type { CreateCredentialValues, UpdateCredentialValues } from "@/lib/federated/schemas";
import type { ExchangeView } from "@/lib/federated/types";
import type { FederatedCredential } from "@/lib/vendors/contracts";

/** A saved credential and the preflight that let it through. */
export type SavedCredential = { credential: FederatedCredential; preflight: PreflightResult };

/** The write actions, passed only to operators and admins. */
export type CredentialWriteActions = {
  create: (input: CreateCredentialValues) => Promise<ActionResult<SavedCredential>>;
  update: (input: UpdateCredentialValues) => Promise<ActionResult<SavedCredential>>;
  remove: (input: {
    connectionId: string;
    clientId: string;
    credentialId: string;
  }) => Promise<ActionResult<null>>;
  checkIssuer: (input: { issuer: string }) => Promise<ActionResult<PreflightResult>>;
};

/** The tester's server calls; `exchange` is null for viewers. */
export type TesterActions = {
  issuerKeys: (input: {
    connectionId: string;
    clientId: string;
    issuer: string;
  }) => Promise<ActionResult<IssuerKeys>>;
  exchange:
    | ((input: {
        connectionId: string;
        clientId: string;
        assertion: string;
        scope: string;
      }) => Promise<ActionResult<ExchangeView>>)
    | null;
};

/** Where a credential lives, and what the form needs to know about its neighbours. */
export type CredentialContext = {
  connectionId: string;
  clientId: string;
  appName: string;
  suggestedAudience: string;
  credentials: FederatedCredential[];
  /** The connection authenticates with this application: a credential here needs acknowledging. */
  usedByTrustdeck: boolean;
};
