import type { Sandbox } from "../server";
import { httpRequest, type TestResponse } from "../testing/http";

/** A Cloudflare call with a bearer token (path below /client/v4). */
export function cloudflareCall(
  sb: Sandbox,
  token: string,
  path: string,
  method = "GET",
): Promise<TestResponse> {
  return httpRequest(`${sb.urls.cloudflare}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}` },
  });
}
