import { createHash } from "node:crypto";
import { stampedIssuer } from "../certs/stamped-certificates";
import { seedTenants, spreadDays, tenantDay, tenantEpoch, type TenantSeedRequest } from "../core/tenants";
import type { IssuerName } from "../issuers/issuer-profiles";
import type { UipathDemoConnection } from "./demo-connections";
import { MAX_FEDERATED_CREDENTIALS } from "./federated-credential-rules";
import { findOrg, type ExternalApp, type SamlCertificate, type UipathOrg, type UipathRuntime } from "./model";

/** Customer-made signing certificates: two years, as in the demo seed. */
const SAML_VALIDITY_MS = 730 * 24 * 3600_000;
const MANAGE = ["PM.AuthSetting", "PM.OAuthApp"];
const ISSUERS: readonly IssuerName[] = ["github-actions", "gitlab", "kubernetes"];

/**
 * Adds UiPath organizations, each with its SAML signing pair (a primary; a staged secondary in every
 * other organization), a `Trustdeck` app for the dashboard's connection, and
 * `federatedCredentialsPerConnection` federated credentials spread over `Fleet <k>` apps of at most
 * 20 each (UiPath's limit per application), on the sandbox's issuers.
 */
export function addUipathTenants(
  runtime: UipathRuntime,
  request: TenantSeedRequest,
  baseUrl: string,
): Promise<UipathDemoConnection[]> {
  const { ids, state } = runtime;
  const epoch = tenantEpoch(runtime.clock.now());
  const federated = request.federatedCredentialsPerConnection ?? 0;
  const dashboardAppOf = (label: string) => ({
    id: ids.uuid(`${label}/app/trustdeck`),
    secret: ids.secret(`${label}/app/trustdeck/secret`, 24),
  });
  const credentialCount = (org: UipathOrg) =>
    org.apps.reduce((sum, app) => sum + app.federatedCredentials.length, 0);

  return seedTenants<UipathOrg, UipathDemoConnection>(request, {
    find: (slot) => findOrg(state, slot.slug),
    mismatch: (org) =>
      credentialCount(org) === federated ? undefined : `with ${credentialCount(org)} federated credentials`,
    async build(slot) {
      const issue = stampedIssuer(
        `uipath/${slot.label}`,
        {
          subject: `CN=${slot.slug}-saml, O=${slot.displayName}`,
          keys: runtime.keys.shared(),
          profile: "saml-signing",
        },
        SAML_VALIDITY_MS,
      );
      const saml = async (which: string, expiresInDays: number): Promise<SamlCertificate> => {
        const der = (await issue(which, tenantDay(epoch, expiresInDays))).der;
        return {
          id: 0, // numbered when added, in the state's sequence
          base64Der: der.toString("base64"),
          thumbprint: createHash("sha1").update(der).digest("hex").toUpperCase(),
        };
      };
      const dashboard = dashboardAppOf(slot.label);
      const created = tenantDay(epoch, -400).toISOString();
      const app = (id: string, name: string, scopes: string[], secret: string): ExternalApp => ({
        id,
        name,
        isConfidential: true,
        redirectUri: null,
        scopes,
        secrets: [{ id: 1, description: "Primary secret", secret, creationTime: created, expiryTime: null }],
        federatedCredentials: [],
      });
      const fleets: ExternalApp[] = [];
      for (let i = 0; i < federated; i++) {
        const k = Math.floor(i / MAX_FEDERATED_CREDENTIALS);
        const fleet = (fleets[k] ??= app(
          ids.uuid(`${slot.label}/app/fleet/${k}`),
          `Fleet ${k + 1}`,
          ["PM.OAuthApp.Read"],
          ids.secret(`${slot.label}/app/fleet/${k}/secret`, 24),
        ));
        const issuer = ISSUERS[i % ISSUERS.length]!;
        const stamp = tenantDay(epoch, -spreadDays(i, 1, 400)).toISOString();
        fleet.federatedCredentials.push({
          id: ids.uuid(`${slot.label}/credential/${i}`),
          clientId: fleet.id,
          name: `${issuer}-${i + 1}`,
          description: null,
          issuer: runtime.issuerUrls[issuer],
          audience: `https://cloud.uipath.com/${slot.slug}`,
          subject: `repo:${slot.slug}/robots-${i + 1}:ref:refs/heads/main`,
          createdAt: stamp,
          updatedAt: stamp,
        });
      }
      return {
        name: slot.slug,
        partitionGlobalId: ids.uuid(`${slot.label}/partition`),
        primary: await saml("primary", spreadDays(slot.n, 40, 700)),
        secondary: slot.n % 2 === 0 ? await saml("secondary", spreadDays(slot.n, 700, 30)) : null,
        apps: [app(dashboard.id, "Trustdeck", MANAGE, dashboard.secret), ...fleets],
      };
    },
    add(built) {
      for (const { account: org } of built) {
        for (const cert of [org.primary, org.secondary]) if (cert) cert.id = state.nextCertificateId++;
        state.orgs.push(org);
      }
    },
    connection(org, slot) {
      const dashboard = dashboardAppOf(slot.label);
      return {
        vendor: "uipath",
        name: `${slot.displayName} (sandbox tenant)`,
        accessUrlForm: "custom",
        baseUrl,
        tokenEndpointForm: "access-url",
        organizationName: org.name,
        partitionGlobalId: org.partitionGlobalId,
        clientId: dashboard.id,
        clientSecret: dashboard.secret,
        scopes: MANAGE.join(" "),
      };
    },
  });
}
