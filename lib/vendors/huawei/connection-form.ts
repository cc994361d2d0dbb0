import type { ConnectionFieldSpec } from "../descriptor";
import { optionsOf } from "../url-forms";
import { HUAWEI_ENDPOINT_FORMS, HUAWEI_IDENTITY_STORE_REGIONS } from "./urls";

/**
 * The Huawei Cloud connection form's fields in display order (label, hint, placeholder, secret, optional).
 * Client-safe, and apart from the descriptor so pages that only show certificates do not ship it.
 */
export const huaweiConnectionForm = [
  {
    name: "region",
    label: "Region",
    placeholder: "ap-southeast-1",
    suggestions: HUAWEI_IDENTITY_STORE_REGIONS,
    hint: "Where IAM Identity Center is enabled (GET /v1/registered-regions).",
  },
  {
    name: "endpointForm",
    label: "Identity Store endpoint from",
    options: optionsOf(HUAWEI_ENDPOINT_FORMS),
  },
  {
    name: "baseUrl",
    label: "Custom Identity Store endpoint",
    placeholder: "https://identitystore-gateway.example.com",
    hint: "Only with a custom endpoint; from the region it is https://identitystore.<region>.myhuaweicloud.com (leave it empty).",
  },
  { name: "identityStoreId", label: "Identity store ID", placeholder: "d-1234567890" },
  {
    name: "accessKeyId",
    label: "Access key ID (AK)",
    hint: "Of the management account or a delegated administrator.",
  },
  { name: "secretAccessKey", label: "Secret access key (SK)", secret: true },
  {
    name: "securityToken",
    label: "Security token",
    secret: true,
    optional: true,
    hint: "Only for temporary credentials.",
  },
] as const satisfies readonly ConnectionFieldSpec[];
