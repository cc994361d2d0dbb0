import type { Router } from "../core/router";
import type { RequestContext, Reply } from "../core/http-types";
import { parseCertificateText } from "../certs/parse-certificate";
import type { UipathRuntime } from "./model";
import { checkPartition, type createGuard } from "./api-guard";
import type { SamlCertificate, UipathOrg } from "./model";
import { aspJson, notFoundProblem, validationProblem } from "./responses";
import { readJsonObject } from "./json-body";

const SCOPE = ["PM.AuthSetting"];
const BASE = "/:org/identity_/api/SamlCertificate";

/** SamlCertificatePairDto. */
export function pairDto(org: UipathOrg) {
  return {
    partitionGlobalId: org.partitionGlobalId,
    primaryCertificateId: org.primary?.id ?? 0,
    primaryCertificate: org.primary?.base64Der ?? null,
    primaryCertificateThumbprint: org.primary?.thumbprint ?? null,
    secondaryCertificateId: org.secondary?.id ?? 0,
    secondaryCertificate: org.secondary?.base64Der ?? null,
    secondaryCertificateThumbprint: org.secondary?.thumbprint ?? null,
  };
}

/** U-1…U-5: get, upload primary, upload secondary, switch, delete. */
export function registerSamlRoutes(
  router: Router,
  runtime: UipathRuntime,
  guard: ReturnType<typeof createGuard>,
): void {
  router.on(
    "GET",
    `${BASE}/:partitionGlobalId/certificates`,
    guard(SCOPE, (_ctx, org) => aspJson(200, pairDto(org))),
  );
  router.on(
    "PUT",
    `${BASE}/primary`,
    guard(SCOPE, (ctx, org) => upload(runtime, ctx, org, "primary")),
  );
  router.on(
    "PUT",
    `${BASE}/secondary`,
    guard(SCOPE, (ctx, org) => upload(runtime, ctx, org, "secondary")),
  );
  router.on(
    "POST",
    `${BASE}/:partitionGlobalId/switch`,
    guard(SCOPE, (ctx, org) => {
      // Undocumented: we answer 400 in model-state form when nothing is staged.
      if (!org.secondary)
        return validationProblem(ctx, {
          secondaryCertificate: ["There is no secondary certificate to switch to."],
        });
      [org.primary, org.secondary] = [org.secondary, org.primary];
      return aspJson(200, pairDto(org));
    }),
  );
  router.on(
    "DELETE",
    `${BASE}/:partitionGlobalId/:certificateId`,
    guard(SCOPE, (ctx, org) => {
      const raw = ctx.params.certificateId!;
      if (!/^-?\d+$/.test(raw))
        return validationProblem(ctx, { certificateId: [`The value '${raw}' is not valid.`] });
      const id = Number(raw);
      if (org.primary?.id === id) org.primary = null;
      else if (org.secondary?.id === id) org.secondary = null;
      else return notFoundProblem(ctx);
      return aspJson(200, true);
    }),
  );
}

function upload(
  runtime: UipathRuntime,
  ctx: RequestContext,
  org: UipathOrg,
  slot: "primary" | "secondary",
): Reply {
  const read = readJsonObject(ctx);
  if (!read.ok) return read.reply;
  const { partitionGlobalId, certificate } = read.body;
  const errors: Record<string, string[]> = {};
  if (typeof partitionGlobalId !== "string" || partitionGlobalId === "")
    errors.partitionGlobalId = ["The PartitionGlobalId field is required."];
  if (typeof certificate !== "string" || certificate.trim() === "")
    errors.certificate = ["The Certificate field is required."];
  if (Object.keys(errors).length > 0) return validationProblem(ctx, errors);
  const partitionError = checkPartition(ctx, org, partitionGlobalId as string);
  if (partitionError) return partitionError;

  const parsed = parseCertificateText(certificate as string);
  if (!parsed)
    return validationProblem(ctx, { certificate: ["The certificate is not a valid X.509 certificate."] });
  if (parsed.notAfter.getTime() <= ctx.now.getTime())
    return validationProblem(ctx, { certificate: ["The certificate has expired."] });
  const stored: SamlCertificate = {
    id: runtime.state.nextCertificateId++,
    base64Der: parsed.der.toString("base64"),
    thumbprint: parsed.sha1Thumbprint,
  };
  org[slot] = stored;
  return aspJson(200, pairDto(org));
}
