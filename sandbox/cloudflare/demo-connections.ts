import type { DemoConnectionBase } from "../vendor-descriptor";
import { CLOUDFLARE_ACCOUNTS, CLOUDFLARE_TOKENS } from "./catalog";

/** A Cloudflare connection in the dashboard's connection input shape. */
export interface CloudflareDemoConnection extends DemoConnectionBase<"cloudflare"> {
  accountId: string;
  apiToken: string;
}

/** One connection per demo account, with its read/write token. */
export function cloudflareDemoConnections(baseUrl: string): CloudflareDemoConnection[] {
  return (["acme", "globex", "initech"] as const).map((key) => ({
    vendor: "cloudflare",
    name: `${CLOUDFLARE_ACCOUNTS[key].name} (sandbox)`,
    baseUrl,
    accountId: CLOUDFLARE_ACCOUNTS[key].id,
    apiToken: CLOUDFLARE_TOKENS[key].value,
  }));
}
