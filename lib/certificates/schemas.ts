import { z } from "zod";
import { maxLength } from "@/lib/text/limits";
import { TIMELINE_STATUSES } from "@/lib/timeline/types";
import { VENDORS } from "@/lib/vendors/descriptors";

/** Every status a certificate can have, and sets with no certificate at all. */
export const STATUS_FILTERS = [...TIMELINE_STATUSES, "empty"] as const;
export const SORT_KEYS = ["expiry", "vendor", "connection", "name", "status"] as const;

/** The certificate list's search, filters and sort, from the URL. Bad values fall back to defaults. */
export const certificateListFilterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  vendor: z.enum(VENDORS).optional().catch(undefined),
  connection: z.uuid().optional().catch(undefined),
  status: z.enum(STATUS_FILTERS).optional().catch(undefined),
  sort: z.enum(SORT_KEYS).default("expiry").catch("expiry"),
});
export type CertificateListFilter = z.output<typeof certificateListFilterSchema>;

const target = {
  connectionId: z.uuid(),
  setId: z
    .string()
    .min(1)
    .max(...maxLength("set ID", 200)),
};
const pem = z
  .string()
  .trim()
  .min(1, "Add a certificate: drop a file or paste a PEM.")
  .max(256 * 1024, "The certificate is larger than 256 KB.");
const certificateId = z
  .string()
  .min(1)
  .max(...maxLength("certificate ID", 200));

/**
 * Every certificate change, one member per action: the form and the server action share it.
 * The PEM is checked again on the server with lib/x509 (private keys refused) before any vendor call.
 */
export const certificateActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("upload-primary"), ...target, pem }),
  z.object({ action: z.literal("upload-secondary"), ...target, pem }),
  z.object({ action: z.literal("switch"), ...target }),
  z.object({ action: z.literal("delete-certificate"), ...target, certificateId }),
  z.object({ action: z.literal("rotate"), ...target }),
  z.object({ action: z.literal("create-sp-certificate"), ...target }),
  z.object({ action: z.literal("activate"), ...target, certificateId }),
  z.object({ action: z.literal("import-idp-certificate"), ...target, pem }),
]);
export type CertificateActionInput = z.output<typeof certificateActionSchema>;
export type CertificateWriteAction = CertificateActionInput["action"];
