import "server-only";

import { isVendorError } from "../errors";
import {
  federatedCredentialInputSchema,
  federatedTokenExchangeInputSchema,
  type FederatedCredentialInput,
} from "../inputs";
import type {
  ConnectionFor,
  ExternalApplication,
  FederatedCredential,
  FederatedCredentialOperations,
} from "../model";
import { parseInput } from "../parse-input";
import { writeAfterReading, writeWithReconciliation } from "../reconcile";
import type { UiPathClient } from "./client";
import type { ExternalClient, FederatedCredentialDto } from "./schemas";

type Conn = ConnectionFor<"uipath">;

/** FederatedCredentialDto → our model (nullable fields stay null, never undefined). */
export function toFederatedCredential(dto: FederatedCredentialDto): FederatedCredential {
  return {
    id: dto.id,
    clientId: dto.clientId ?? null,
    name: dto.name ?? null,
    description: dto.description ?? null,
    issuer: dto.issuer ?? null,
    audience: dto.audience ?? null,
    subject: dto.subject ?? null,
    createdAt: dto.createdAt,
    updatedAt: dto.updatedAt,
  };
}

/** ExternalClientDto → our model. The schema already dropped `secret` and `secrets[].secret`. */
export function toExternalApplication(dto: ExternalClient): ExternalApplication {
  const scopes = new Set(
    (dto.resources ?? []).flatMap((resource) => (resource.scopes ?? []).map((scope) => scope.name)),
  );
  return {
    clientId: dto.id,
    name: dto.name,
    isConfidential: dto.isConfidential,
    scopes: [...scopes].sort(),
    credentials: (dto.secrets ?? []).map((secret) => ({
      id: secret.id,
      description: secret.description ?? null,
      createdAt: secret.creationTime ?? null,
      expiresAt: secret.expiryTime ?? null,
    })),
  };
}

function matches(dto: FederatedCredentialDto, input: FederatedCredentialInput): boolean {
  return (
    dto.name === input.name &&
    dto.issuer === input.issuer &&
    dto.audience === input.audience &&
    dto.subject === input.subject &&
    (dto.description ?? undefined) === input.description
  );
}

/** Federated credentials of UiPath external applications (U-6, U-8…U-12, U-13 with a JWT). */
export function federatedCredentialOperations(
  clientFor: (conn: Conn) => UiPathClient,
): FederatedCredentialOperations<Conn> {
  return {
    async listExternalApplications(conn) {
      return (await clientFor(conn).listExternalClients()).map(toExternalApplication);
    },
    async listFederatedCredentials(conn, clientId) {
      return (await clientFor(conn).listFederatedCredentials(clientId)).map(toFederatedCredential);
    },
    async getFederatedCredential(conn, clientId, credentialId) {
      return toFederatedCredential(await clientFor(conn).getFederatedCredential(clientId, credentialId));
    },
    async createFederatedCredential(conn, clientId, input) {
      const body = parseInput(
        federatedCredentialInputSchema,
        input,
        "uipath",
        "save the federated credential",
      );
      const client = clientFor(conn);
      const created = await writeAfterReading(
        async () => new Set((await client.listFederatedCredentials(clientId)).map((c) => c.id)),
        () => client.createFederatedCredential(clientId, body),
        () => client.listFederatedCredentials(clientId),
        (after, before) => after.some((c) => !before.has(c.id) && matches(c, body)),
      );
      return toFederatedCredential(created);
    },
    async updateFederatedCredential(conn, clientId, credentialId, input) {
      const body = parseInput(
        federatedCredentialInputSchema,
        input,
        "uipath",
        "save the federated credential",
      );
      const client = clientFor(conn);
      const updated = await writeWithReconciliation(
        () => client.updateFederatedCredential(clientId, credentialId, body),
        () => client.getFederatedCredential(clientId, credentialId),
        (after) => matches(after, body),
      );
      return toFederatedCredential(updated);
    },
    async deleteFederatedCredential(conn, clientId, credentialId) {
      const client = clientFor(conn);
      await writeWithReconciliation(
        () => client.deleteFederatedCredential(clientId, credentialId),
        () =>
          client.getFederatedCredential(clientId, credentialId).then(
            () => false,
            (error: unknown) => (isVendorError(error, "not-found") ? true : Promise.reject(error)),
          ),
        (gone) => gone,
      );
    },
    async exchangeFederatedToken(conn, input) {
      const { clientId, assertion, scope } = parseInput(
        federatedTokenExchangeInputSchema,
        input,
        "uipath",
        "exchange the JWT for an access token",
      );
      return clientFor(conn).exchangeAssertion(clientId, assertion, scope);
    },
  };
}
