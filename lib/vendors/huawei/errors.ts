import "server-only";

import type { ErrorDetails } from "../http";
import { jsonBodyOf, type RawResponse } from "../http-response";
import { errorBodySchema } from "./schemas";

interface ErrorFields {
  code?: string;
  message?: string;
  requestId?: string;
}

/** Finds `error_code`/`error_msg` (or `code`/`message`) at the top level or nested, as the SDK does. */
function findErrorFields(value: unknown, depth = 0): ErrorFields | undefined {
  if (depth > 3 || typeof value !== "object" || value === null) return undefined;
  const parsed = errorBodySchema.safeParse(value);
  if (parsed.success) {
    const { error_code, error_msg, code, message, request_id } = parsed.data;
    if (error_code || error_msg || code !== undefined || message) {
      return {
        code: error_code ?? (code === undefined ? undefined : String(code)),
        message: error_msg ?? message,
        requestId: request_id,
      };
    }
  }
  for (const inner of Object.values(value)) {
    const found = findErrorFields(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * The gateway echoes its canonical request after "canonicalRequest:" in APIGW.0301 messages;
 * it can contain the X-Security-Token value, so it is cut off before the message goes anywhere.
 */
function withoutCanonicalRequest(message: string): string {
  return message.replace(/,?\s*canonicalRequest:[\s\S]*$/, " (canonical request omitted)");
}

const SKEW = /signature expired.*server time:\s*(\d{8}T\d{6}Z)/i;

/** The gateway's time from an "APIGW.0301 … signature expired … server time:…" answer, in epoch ms. */
export function serverTimeFromSkewError(raw: RawResponse): number | undefined {
  if (raw.status !== 401) return undefined;
  const match = SKEW.exec(findErrorFields(jsonBodyOf(raw))?.message ?? "");
  if (!match?.[1]) return undefined;
  const t = match[1];
  const iso = `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(9, 11)}:${t.slice(11, 13)}:${t.slice(13, 15)}Z`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Maps Huawei gateway (APIGW.*) and Identity Center (IIC.* / IdentityCenter.*) errors. */
export function describeHuaweiError(
  raw: RawResponse,
  context: { identityStoreId: string; requires?: string; temporaryCredentials?: boolean },
): ErrorDetails {
  const fields = findErrorFields(jsonBodyOf(raw)) ?? {};
  const code = fields.code;
  const message = fields.message && withoutCanonicalRequest(fields.message);
  const details: ErrorDetails = {
    vendorCode: code,
    vendorMessage: message,
    requestId: raw.headers.get("x-request-id") ?? fields.requestId,
  };
  // Older documentation uses the IdentityCenter. prefix for the same codes.
  const iic = code?.replace(/^IdentityCenter\./, "IIC.");

  if (code?.startsWith("APIGW.") && raw.status === 401) {
    return { ...details, ...describeGatewayRefusal(fields.message ?? "", code, context) };
  }
  if (raw.status === 403) {
    const action = /action\s+([\w:]+)/i.exec(fields.message ?? "")?.[1] ?? context.requires;
    return {
      ...details,
      kind: "permission",
      retryable: false,
      userMessage: `The access key may not ${action ? `perform ${action}` : "do this"}. Grant it in IAM, and use the organization's management account or a delegated administrator of IAM Identity Center.`,
    };
  }
  if ((raw.status === 404 || iic === "IIC.404") && /identity store/i.test(fields.message ?? "")) {
    // Huawei answers "not found" for a store of another account: the AK/SK works, the ID is elsewhere.
    return {
      ...details,
      kind: "wrong-account",
      retryable: false,
      userMessage: `The access key works, but its account has no identity store ${context.identityStoreId} in this region. Check the identity store ID and the region of the base URL, or use an access key of the account that owns the store.`,
    };
  }
  if (raw.status === 404 || iic === "IIC.404" || iic === "IIC.1002") {
    return {
      ...details,
      kind: "not-found",
      retryable: false,
      userMessage: `Huawei Cloud found no such object in identity store ${context.identityStoreId}${message ? ` (${message})` : ""}. Check the identity store ID and the region of the base URL, or reload the page.`,
    };
  }
  if (iic === "IIC.1006") {
    return {
      ...details,
      kind: "unavailable",
      retryable: true,
      userMessage: "Another change to this identity store was in progress. Try again in a moment.",
    };
  }
  if (iic === "IIC.1712") {
    return {
      ...details,
      kind: "validation",
      retryable: false,
      userMessage:
        "Huawei Cloud refused: at least one valid certificate must remain, and the active service-provider certificate cannot be deleted. Activate or import another certificate first.",
    };
  }
  return details;
}

/** Temporary credentials past `expires_at`, as the gateway words it. */
const EXPIRED_TEMPORARY =
  /(security[\s_-]?token|temporary)[^,]*expired|expired[^,]*(security[\s_-]?token|temporary)/i;

/** What a 401 from the API gateway means: a stale clock, expired temporary credentials, or a wrong key. */
function describeGatewayRefusal(
  message: string,
  code: string,
  context: { temporaryCredentials?: boolean },
): ErrorDetails {
  if (/signature expired/i.test(message)) {
    return {
      kind: "clock-skew",
      retryable: false,
      userMessage:
        "Huawei Cloud refused the request signature as expired: this server's clock differs from Huawei's by more than 15 minutes. Fix the server's time (NTP), then try again.",
    };
  }
  // APIGW.0307: "The token must be updated" — the gateway's word for an expired security token.
  if (EXPIRED_TEMPORARY.test(message) || (code === "APIGW.0307" && context.temporaryCredentials)) {
    return {
      kind: "credentials-expired",
      retryable: false,
      userMessage:
        "The temporary access key and security token have expired (they last 15 minutes to 24 hours). Obtain new temporary credentials and replace all three in the connection settings, or use a permanent access key.",
    };
  }
  return {
    kind: "auth",
    retryable: false,
    userMessage:
      "Huawei Cloud rejected the AK/SK signature. Check the access key ID and secret access key (and the security token, for temporary credentials).",
  };
}
