import "server-only";
import type { AllowList } from "@/lib/net/allow-list";
import { isDocumentedApiUrl } from "@/lib/vendors/api-hosts";
import { CUSTOM_HOSTS_VARIABLE, customVendorHosts, isCustomVendorHost } from "@/lib/vendors/custom-hosts";
import { descriptorOf, type Vendor } from "@/lib/vendors/descriptors";

// Which hosts a connection may send its secrets to: by default only its vendor's documented API
// hosts (the descriptor's `apiHosts`, a {field} in one being this connection's value); a
// self-hosted gateway or the sandbox only when the server's TRUSTDECK_CUSTOM_VENDOR_HOSTS names
// it (lib/vendors/custom-hosts.ts). Plain http only for such a custom host.

/**
 * Why a connection may not send its secrets to its base URL, or null when it may. `values` are
 * the connection's fields (the base URL and the settings a host pattern names, such as region).
 */
export function destinationRefusal(
  vendor: Vendor,
  values: Readonly<Record<string, unknown>>,
  allow: AllowList = customVendorHosts(),
): string | null {
  const raw = typeof values.baseUrl === "string" ? values.baseUrl : "";
  if (!URL.canParse(raw)) return "Enter a full URL, starting with https://.";
  const url = new URL(raw);
  if (url.username || url.password || /^[a-z][a-z0-9+.-]*:\/*[^/?#]*@/i.test(raw))
    return "Remove the user name and password from the URL: secrets go in their own fields, never in the URL.";
  if (url.search || url.hash || raw.includes("?") || raw.includes("#"))
    return "Remove the query string or fragment from the URL.";
  if (isCustomVendorHost(url, allow)) return null;
  const descriptor = descriptorOf(vendor);
  if (url.protocol !== "https:")
    return `Use https://: plain http is only accepted for a custom host that the server's ${CUSTOM_HOSTS_VARIABLE} setting names.`;
  if (isDocumentedApiUrl(url, descriptor.apiHosts, values)) return null;
  return `${url.host} is not a documented ${descriptor.shortName} API host (${descriptor.apiHosts.join(", ")}${descriptor.apiHosts.some((h) => h.includes("{")) ? "; a name in braces is this connection's own value" : ""}). A self-hosted gateway or a test sandbox must be named in the server's ${CUSTOM_HOSTS_VARIABLE} setting.`;
}
