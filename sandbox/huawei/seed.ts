import { issueSeedCertificate } from "../certs/issue-certificate";
import { parseDer, toPem } from "../certs/parse-certificate";
import { generateSpCertificate, SP_CERT_VALIDITY_MS } from "./sp-certificate-routes";
import { emptyHuaweiState, type ExternalIdp, type HuaweiState, type IdentityStore } from "./model";
import { demoIds } from "../seed/demo-ids";
import { HUAWEI_CREDENTIALS, HUAWEI_DOMAINS, HUAWEI_STORES, type IdpPlan, type StorePlan } from "./catalog";
import { daysFrom, type SeedContext, type SeedName } from "../seed/seed-context";

/** Builds the Huawei state; `empty` keeps stores and credentials but no certificates or IdPs. */
export async function seedHuawei(ctx: SeedContext, seed: SeedName): Promise<HuaweiState> {
  const state = emptyHuaweiState();
  const now = ctx.clock.now();
  state.credentials = Object.values(HUAWEI_CREDENTIALS).map((c) => ({
    accessKey: c.accessKey,
    secretKey: c.secretKey,
    domainId: HUAWEI_DOMAINS[c.domain],
    role: c.role,
    ...("securityToken" in c && {
      securityToken: c.securityToken,
      expiresAt: new Date(now.getTime() + c.hoursValid * 3600_000),
    }),
  }));
  state.stores = await Promise.all(
    Object.values(HUAWEI_STORES).map((plan) => buildStore(ctx, plan, now, seed)),
  );
  return state;
}

async function buildStore(
  ctx: SeedContext,
  plan: StorePlan,
  now: Date,
  seed: SeedName,
): Promise<IdentityStore> {
  const store: IdentityStore = {
    id: plan.id,
    instanceId: plan.instanceId,
    region: plan.region,
    domainId: HUAWEI_DOMAINS[plan.domain],
    spCertificates: [],
    idps: [],
  };
  if (seed === "empty") return store;
  store.spCertificates = await Promise.all(
    plan.spCertificates.map(async (c, i) => {
      const expiry = daysFrom(now, c.expiresInDays);
      const cert = await generateSpCertificate(
        ctx,
        store,
        `huawei/${plan.id}/sp/${i}`,
        new Date(expiry.getTime() - SP_CERT_VALIDITY_MS),
        expiry,
        true,
      );
      return { ...cert, active: c.active };
    }),
  );
  store.idps = await Promise.all(plan.idps.map((idp) => buildIdp(ctx, idp, now)));
  return store;
}

async function buildIdp(ctx: SeedContext, plan: IdpPlan, now: Date): Promise<ExternalIdp> {
  const certificates = await Promise.all(
    plan.certificates.map(async (c, i) => {
      const notAfter = daysFrom(now, c.expiresInDays);
      const issued = await issueSeedCertificate(`huawei/${plan.id}/idp-cert/${i}`, {
        subject: c.subject,
        keys: ctx.keys.shared(),
        notBefore: daysFrom(notAfter, -c.validityDays),
        notAfter,
        serialBytes: 16,
        profile: "saml-signing",
      });
      // Imported PEMs keep what the admin pasted; the documented example ends with CRLF.
      return {
        id: demoIds.uuid(`huawei/${plan.id}/idp-cert/${i}`),
        pem: `${toPem(issued.der, "\r\n")}\r\n`,
        parsed: parseDer(issued.der)!,
      };
    }),
  );
  return {
    id: plan.id,
    enabled: plan.enabled,
    entityId: plan.entityId,
    loginUrl: plan.loginUrl,
    wantRequestSigned: false,
    certificates,
  };
}
