import type { Reply } from "../core/http-types";
import { json } from "../core/reply";

/** One entry of `errors[]`. */
export interface CfError {
  code: number;
  message: string;
  error_chain?: Array<{ code: number; message: string }>;
}

/** `result_info` of paged lists. */
export interface ResultInfo {
  page: number;
  per_page: number;
  count: number;
  total_count: number;
  total_pages: number;
}

/** The success envelope. A client reads it only as `application/json`. */
export function ok(
  result: unknown,
  extra: { messages?: Array<{ code: number; message: string }>; result_info?: ResultInfo } = {},
): Reply {
  return json(200, {
    success: true,
    errors: [],
    messages: extra.messages ?? [],
    result,
    ...(extra.result_info && { result_info: extra.result_info }),
  });
}

/** The failure envelope: `result: null`. */
export function fail(status: number, errors: CfError[], headers: Record<string, string> = {}): Reply {
  return json(status, { success: false, errors, messages: [], result: null }, headers);
}

/** 404 for paths Cloudflare does not route (7003 + 7000, as the API sends them). */
export function noRoute(rawPath: string): Reply {
  return fail(404, [
    { code: 7003, message: `Could not route to ${rawPath}, perhaps your object identifier is invalid?` },
    { code: 7000, message: "No route for that URI" },
  ]);
}

/** 403 10000: bad, expired, disabled or under-privileged credentials. */
export function authenticationError(): Reply {
  return fail(403, [{ code: 10000, message: "Authentication error" }]);
}
