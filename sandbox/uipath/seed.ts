import { issueSeedCertificate } from "../certs/issue-certificate";
import { parseDer } from "../certs/parse-certificate";
import { emptyUipathState, type ExternalApp, type SamlCertificate, type UipathState } from "./model";
import type { IssuerName } from "../issuers/issuer-profiles";
import { demoIds } from "../seed/demo-ids";
import { daysFrom, type SeedContext, type SeedName } from "../seed/seed-context";
import { UIPATH_ORGS, type AppPlan, type OrgPlan } from "./catalog";

/** Customer-made signing certificates: two years, OpenSSL-style 20-byte serial. */
const CUSTOMER_CERT_DAYS = 730;

/** Builds the UiPath state; `empty` keeps organizations and apps but no certificates or credentials. */
export async function seedUipath(ctx: SeedContext, seed: SeedName): Promise<UipathState> {
  const state = emptyUipathState();
  const now = ctx.clock.now();
  state.orgs = await Promise.all(
    Object.values(UIPATH_ORGS).map(async (plan: OrgPlan) => {
      const cert = async (days: number | null, slot: string) =>
        seed === "demo" && days !== null ? samlCertificate(ctx, state, plan, slot, days) : null;
      const [primary, secondary] = await Promise.all([
        cert(plan.primaryExpiresInDays, "primary"),
        cert(plan.secondaryExpiresInDays, "secondary"),
      ]);
      return {
        name: plan.name,
        partitionGlobalId: plan.partitionGlobalId,
        primary,
        secondary,
        apps: [plan.dashboardApp, ...plan.apps].map((a) => buildApp(ctx, a, now, seed)),
      };
    }),
  );
  return state;
}

async function samlCertificate(
  ctx: SeedContext,
  state: UipathState,
  plan: OrgPlan,
  slot: string,
  days: number,
): Promise<SamlCertificate> {
  const notAfter = daysFrom(ctx.clock.now(), days);
  const issued = await issueSeedCertificate(`uipath/${plan.name}/${slot}`, {
    subject: `CN=${plan.name}-saml-${slot}, O=${plan.displayName}`,
    keys: ctx.keys.shared(),
    notBefore: daysFrom(notAfter, -CUSTOMER_CERT_DAYS),
    notAfter,
    serialBytes: 20,
    profile: "saml-signing",
  });
  return {
    id: state.nextCertificateId++,
    base64Der: issued.der.toString("base64"),
    thumbprint: parseDer(issued.der)!.sha1Thumbprint,
  };
}

function buildApp(ctx: SeedContext, plan: AppPlan, now: Date, seed: SeedName): ExternalApp {
  const created = daysFrom(now, -400).toISOString();
  const secrets = plan.secret
    ? [
        {
          id: 1,
          description: "Primary secret",
          secret: plan.secret,
          creationTime: created,
          expiryTime:
            plan.secretExpiresInDays == null ? null : daysFrom(now, plan.secretExpiresInDays).toISOString(),
        },
        // An expired secret beside the live one: the timeline should show it, the token endpoint refuses it.
        {
          id: 2,
          description: "Previous secret",
          secret: demoIds.secret(`${plan.id}/old-secret`, 24),
          creationTime: created,
          expiryTime: daysFrom(now, -20).toISOString(),
        },
      ]
    : [];
  return {
    id: plan.id,
    name: plan.name,
    isConfidential: plan.isConfidential,
    redirectUri: plan.isConfidential ? null : "https://assistant.contoso.example/callback",
    scopes: plan.scopes,
    secrets,
    federatedCredentials:
      seed === "empty"
        ? []
        : plan.credentials.map((c) => {
            const stamp = daysFrom(now, -c.ageDays).toISOString();
            const issuer = c.issuer.startsWith("https://")
              ? c.issuer
              : ctx.issuerUrls[c.issuer as IssuerName];
            return {
              id: demoIds.uuid(`uipath/${plan.id}/credential/${c.name}`),
              clientId: plan.id,
              name: c.name,
              description: c.description ?? null,
              issuer,
              audience: c.audience,
              subject: c.subject,
              createdAt: stamp,
              updatedAt: stamp,
            };
          }),
  };
}
