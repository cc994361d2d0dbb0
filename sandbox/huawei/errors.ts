import { randomBytes } from "node:crypto";
import type { RequestContext, Reply } from "../core/http-types";
import { json } from "../core/reply";

const HW_JSON = "application/json;charset=UTF-8";

/** `{error_code, error_msg, request_id}` with the request id of the X-Request-Id header. */
export function hwError(
  ctx: RequestContext,
  status: number,
  code: string,
  message: string,
  extra: Record<string, string> = {},
): Reply {
  return json(
    status,
    { error_code: code, error_msg: message, request_id: ctx.requestId, ...extra },
    {},
    HW_JSON,
  );
}

/** A JSON success body. */
export function hwJson(status: number, body: unknown): Reply {
  return json(status, body, {}, HW_JSON);
}

/** 400 IIC.400 "Bad Request: {0}." */
export function badRequest(ctx: RequestContext, what: string): Reply {
  return hwError(ctx, 400, "IIC.400", `Bad Request: ${what}`);
}

/** 404 IIC.404 "Not Found: {0}." */
export function notFound(ctx: RequestContext, what: string): Reply {
  return hwError(ctx, 404, "IIC.404", `Not Found: ${what}`);
}

/** 403 IIC.1000 with the opaque `encoded_authorization_message` IAM adds on policy denials. */
export function noPermission(ctx: RequestContext, action: string): Reply {
  return hwError(ctx, 403, "IIC.1000", `No permission for action ${action}.`, {
    encoded_authorization_message: randomBytes(96).toString("base64"),
  });
}

/** 400 IIC.1712: the last valid / the active signing certificate cannot be deleted. */
export function lastCertificate(ctx: RequestContext): Reply {
  return hwError(
    ctx,
    400,
    "IIC.1712",
    "The signature certificate cannot be deleted because at least one valid certificate must exist.",
  );
}

/** 401 APIGW.0301 from the API gateway. */
export function gatewayAuthError(ctx: RequestContext, detail: string): Reply {
  return hwError(ctx, 401, "APIGW.0301", `Incorrect IAM authentication information: ${detail}`);
}
