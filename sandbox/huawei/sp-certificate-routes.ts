import { issueCertificate, issueSeedCertificate, type IssueParams } from "../certs/issue-certificate";
import { toPem } from "../certs/parse-certificate";
import type { RequestContext } from "../core/http-types";
import { empty } from "../core/reply";
import type { Router } from "../core/router";
import type { SharedRuntime } from "../runtime";
import type { HuaweiRuntime } from "./model";
import { badRequest, hwJson, lastCertificate, notFound } from "./errors";
import type { IdentityStore, SpCertificate } from "./model";
import type { createStoreGuard } from "./store-guard";

/** New SP certificates are valid ten years (the documented example expires in 2035). */
export const SP_CERT_VALIDITY_MS = 10 * 365 * 24 * 3600 * 1000;
const BASE = "/v1/identity-stores/:storeId/saml-certificates";

/** SpCertificateDto: state EXPIRED once the sandbox clock passes expiry. */
export function spCertificateDto(cert: SpCertificate, now: Date) {
  const state = cert.expiry.getTime() <= now.getTime() ? "EXPIRED" : cert.active ? "ACTIVE" : "INACTIVE";
  return {
    certificate_id: cert.id,
    x509certificate: cert.pem,
    algorithm: "SHA256withRSA",
    expiry_date: cert.expiry.getTime(),
    state,
  };
}

/** Generates an SP signing certificate: RSA-2048, SHA256withRSA, 16-byte serial, self-signed. */
export async function generateSpCertificate(
  runtime: Pick<SharedRuntime, "keys" | "ids">,
  store: IdentityStore,
  label: string,
  notBefore: Date,
  expiry: Date,
  seed = false,
): Promise<SpCertificate> {
  const params: IssueParams = {
    subject: `CN=IAM Identity Center SP ${store.id}, O=Huawei Cloud`,
    keys: seed ? runtime.keys.shared() : runtime.keys.fresh(),
    notBefore,
    notAfter: expiry,
    serialBytes: 16,
    profile: "saml-signing",
  };
  const cert = await (seed ? issueSeedCertificate(label, params) : issueCertificate(params));
  return {
    id: `cer-${runtime.ids.uuid(label)}`,
    pem: toPem(cert.der, "\r\n"),
    expiry: cert.notAfter,
    active: false,
  };
}

/** H-1…H-4: create (201 INACTIVE), list (bare array), activate (others INACTIVE), delete (not the active one). */
export function registerSpCertificateRoutes(
  router: Router,
  runtime: HuaweiRuntime,
  guard: ReturnType<typeof createStoreGuard>,
): void {
  router.on(
    "POST",
    BASE,
    guard.inStore("IdentityCenter:serviceProvider:createCertificate", async (ctx, store) => {
      const label = runtime.ids.nextLabel(`huawei/${store.id}/sp-certificate`);
      const cert = await generateSpCertificate(
        runtime,
        store,
        label,
        ctx.now,
        new Date(ctx.now.getTime() + SP_CERT_VALIDITY_MS),
      );
      store.spCertificates.push(cert);
      return hwJson(201, spCertificateDto(cert, ctx.now));
    }),
  );
  router.on(
    "GET",
    BASE,
    guard.inStore("IdentityCenter:serviceProvider:listCertificates", (ctx, store) =>
      hwJson(
        200,
        store.spCertificates.map((c) => spCertificateDto(c, ctx.now)),
      ),
    ),
  );
  router.on(
    "POST",
    `${BASE}/:certificateId/active`,
    guard.inStore("IdentityCenter:serviceProvider:activeCertificate", (ctx, store) => {
      const cert = find(ctx, store);
      if (!cert) return notFound(ctx, "certificate");
      if (cert.expiry.getTime() <= ctx.now.getTime()) return badRequest(ctx, "the certificate has expired");
      for (const c of store.spCertificates) c.active = c === cert;
      return empty(200);
    }),
  );
  router.on(
    "DELETE",
    `${BASE}/:certificateId`,
    guard.inStore("IdentityCenter:serviceProvider:deleteCertificate", (ctx, store) => {
      const cert = find(ctx, store);
      if (!cert) return notFound(ctx, "certificate");
      if (cert.active) return lastCertificate(ctx);
      store.spCertificates = store.spCertificates.filter((c) => c !== cert);
      return empty(200);
    }),
  );
}

function find(ctx: RequestContext, store: IdentityStore): SpCertificate | undefined {
  return store.spCertificates.find((c) => c.id === ctx.params.certificateId);
}
