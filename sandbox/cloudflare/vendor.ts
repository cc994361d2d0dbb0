import { choiceSetting } from "../core/settings";
import { defineVendor } from "../vendor-descriptor";
import { createCloudflareApp } from "./cloudflare-app";
import { cloudflareDemoConnections } from "./demo-connections";
import { emptyCloudflareState } from "./model";
import { seedCloudflare } from "./seed";
import { addCloudflareTenants } from "./tenants";

/** Cloudflare API v4: Zero Trust Access SAML certificate sets and token verification. */
export const cloudflareVendor = defineVendor({
  name: "cloudflare",
  label: "Cloudflare",
  defaultPort: 4511,
  basePath: "/client/v4",
  settings: {
    cloudflarePastLastPage: choiceSetting("cloudflarePastLastPage", ["empty", "echo-last"] as const, "empty"),
  },
  seed: seedCloudflare,
  // Rate counters and blocks start afresh after a restart.
  revive: (saved) => ({ ...saved, rateWindow: emptyCloudflareState().rateWindow }),
  createApp: (runtime) => createCloudflareApp(runtime),
  demoConnections: cloudflareDemoConnections,
  tenants: {
    shape: { maxSetsPerConnection: 20_000, federatedCredentials: false },
    add: addCloudflareTenants,
  },
});
