// The dashboard setting that lets connections reach the vendor sandbox (demo and e2e): without
// it, a connection accepts only its vendor's documented API hosts.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * TRUSTDECK_CUSTOM_VENDOR_HOSTS naming exactly the sandbox's vendor hosts (`127.0.0.1:<port>`),
 * from `<sandboxDir>/sandbox.json`; empty when that file names none.
 */
export function sandboxVendorHostsEnv(sandboxDir) {
  const file = join(sandboxDir, "sandbox.json");
  const urls = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).urls : undefined;
  if (!urls) return {};
  const hosts = Object.entries(urls)
    .filter(([service, url]) => service !== "issuers" && typeof url === "string")
    .map(([, url]) => new URL(url).host);
  return hosts.length > 0 ? { TRUSTDECK_CUSTOM_VENDOR_HOSTS: [...new Set(hosts)].join(",") } : {};
}
