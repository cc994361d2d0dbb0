import { parseSinglePem } from "../certs/parse-certificate";
import type { RequestContext, Reply } from "../core/http-types";
import { empty, isRecord, parseJsonBody } from "../core/reply";
import type { Router } from "../core/router";
import type { HuaweiRuntime } from "./model";
import { badRequest, hwJson, lastCertificate, notFound } from "./errors";
import type { ExternalIdp, IdentityStore, IdpCertificate } from "./model";
import type { createStoreGuard } from "./store-guard";

const BASE = "/v1/identity-stores/:storeId/external-idp";

/** Whether a certificate is still valid on the sandbox clock. */
function isValid(cert: IdpCertificate, now: Date): boolean {
  return cert.parsed.notAfter.getTime() > now.getTime() && cert.parsed.notBefore.getTime() <= now.getTime();
}

/** IdpCertificate of H-12. Note the response key `x509_Certificate_in_pem` (capital C), unlike the request's. */
function idpCertificateDto(cert: IdpCertificate) {
  const p = cert.parsed;
  const serial = BigInt(`0x${p.serialHex}`);
  return {
    certificate_id: cert.id,
    issuer_name: p.issuer,
    subject_name: p.subject,
    // Units are undocumented; we send epoch milliseconds like SpCertificateDto.expiry_date [I].
    not_after: p.notAfter.getTime(),
    not_before: p.notBefore.getTime(),
    public_key: p.publicKeyBase64,
    serial_number: Number(serial),
    serial_number_string: serial.toString(),
    signature_algorithm_name: p.signatureAlgorithm,
    version: 3,
    x509_Certificate_in_pem: cert.pem,
  };
}

function idpDto(idp: ExternalIdp, now: Date) {
  return {
    idp_id: idp.id,
    is_enabled: idp.enabled,
    idp_saml_config: {
      entity_id: idp.entityId,
      login_url: idp.loginUrl,
      want_request_signed: idp.wantRequestSigned,
    },
    // `status` values are undocumented [I].
    idp_certificate_ids: idp.certificates.map((c) => ({
      certificate_id: c.id,
      status: isValid(c, now) ? "ACTIVE" : "EXPIRED",
    })),
  };
}

/** H-6 list IdPs, H-12 list, H-13 import (200 {certificate_id}), H-14 delete (not the last valid one). */
export function registerIdpRoutes(
  router: Router,
  runtime: HuaweiRuntime,
  guard: ReturnType<typeof createStoreGuard>,
): void {
  const inIdp = (
    action: string,
    next: (ctx: RequestContext, store: IdentityStore, idp: ExternalIdp) => Reply | Promise<Reply>,
  ) =>
    guard.inStore(action, (ctx, store) => {
      const idp = store.idps.find((i) => i.id === ctx.params.idpId);
      return idp ? next(ctx, store, idp) : notFound(ctx, "external identity provider");
    });

  router.on(
    "GET",
    BASE,
    guard.inStore("IdentityCenter:externalIdp:list", (ctx, store) =>
      hwJson(200, { associations: store.idps.map((i) => idpDto(i, ctx.now)) }),
    ),
  );
  router.on(
    "GET",
    `${BASE}/:idpId/certificate`,
    inIdp("IdentityCenter:externalIdp:listCertificates", (_ctx, _s, idp) =>
      hwJson(200, { idp_certificates: idp.certificates.map(idpCertificateDto) }),
    ),
  );
  router.on(
    "POST",
    `${BASE}/:idpId/certificate`,
    inIdp("IdentityCenter:externalIdp:importCertificate", (ctx, _s, idp) => {
      const body = parseJsonBody(ctx.body);
      if (!isRecord(body)) return badRequest(ctx, "request body");
      const pem = body.x509_certificate_in_pem;
      const parsed = typeof pem === "string" ? parseSinglePem(pem) : undefined;
      if (!parsed || typeof pem !== "string") return badRequest(ctx, "x509_certificate_in_pem");
      // Only signing certificates are supported; the SDK enum's sole value is SIGNING.
      if (body.certificate_use !== "SIGNING") return badRequest(ctx, "certificate_use");
      if (parsed.notAfter.getTime() <= ctx.now.getTime())
        return badRequest(ctx, "the certificate has expired");
      if (idp.certificates.some((c) => c.parsed.der.equals(parsed.der)))
        return badRequest(ctx, "the certificate already exists");
      const cert: IdpCertificate = {
        id: runtime.ids.uuid(runtime.ids.nextLabel(`huawei/${idp.id}/idp-certificate`)),
        pem,
        parsed,
      };
      idp.certificates.push(cert);
      return hwJson(200, { certificate_id: cert.id });
    }),
  );
  router.on(
    "DELETE",
    `${BASE}/:idpId/certificate/:certificateId`,
    inIdp("IdentityCenter:externalIdp:deleteCertificate", (ctx, _s, idp) => {
      const cert = idp.certificates.find((c) => c.id === ctx.params.certificateId);
      if (!cert) return notFound(ctx, "certificate");
      // "At least one valid certificate must always exist and cannot be deleted."
      const validOthers = idp.certificates.filter((c) => c !== cert && isValid(c, ctx.now));
      if (isValid(cert, ctx.now) && validOthers.length === 0) return lastCertificate(ctx);
      idp.certificates = idp.certificates.filter((c) => c !== cert);
      return empty(200);
    }),
  );
}
