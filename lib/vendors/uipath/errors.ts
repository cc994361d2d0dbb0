import "server-only";

import type { ErrorDetails, RequestSummary } from "../http";
import { jsonBodyOf, type RawResponse } from "../http-response";
import { modelStateErrorSchema } from "./schemas";

/** Reads the Identity API's error body (ASP.NET model state or ProblemDetails) into details. */
export function describeUiPathError(raw: RawResponse, request: RequestSummary): ErrorDetails {
  const parsed = modelStateErrorSchema.safeParse(jsonBodyOf(raw));
  const body = parsed.success ? parsed.data : {};
  const fieldErrors =
    body.errors &&
    Object.fromEntries(Object.entries(body.errors).map(([field, messages]) => [field, [messages].flat()]));
  const firstField = fieldErrors && Object.values(fieldErrors).flat()[0];
  const details: ErrorDetails = {
    vendorMessage: firstField ?? body.detail ?? body.message ?? body.title,
    requestId:
      body.traceId ?? raw.headers.get("x-request-id") ?? raw.headers.get("x-correlation-id") ?? undefined,
    fieldErrors,
  };
  if (raw.status === 403 && request.requires) {
    details.userMessage = `The external application lacks the scope ${request.requires} (or ${request.requires.replace(/\.(Read|Write)$/, "")}). In UiPath Admin → External Applications, add it as an application scope, then test the connection again.`;
  }
  if (
    raw.status === 400 &&
    fieldErrors &&
    Object.keys(fieldErrors).some((f) => f.toLowerCase() === "partitionglobalid")
  ) {
    details.userMessage = `UiPath does not accept the partitionGlobalId: ${firstField ?? "invalid value"}. Use the organization's GUID (from ?organizationId= in the portal URL), not its name.`;
  }
  if (raw.status === 401) {
    details.userMessage =
      "UiPath refused a freshly issued access token. Check that the access URL and organization match the external application's organization.";
  }
  return details;
}
