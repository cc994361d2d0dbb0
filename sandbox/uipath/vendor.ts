import { booleanSetting } from "../core/settings";
import { defineVendor } from "../vendor-descriptor";
import { uipathDemoConnections } from "./demo-connections";
import { emptyUipathState } from "./model";
import { seedUipath } from "./seed";
import { addUipathTenants } from "./tenants";
import { createUipathApp } from "./uipath-app";

/** UiPath Automation Cloud: the Identity API at an organization's access URL. */
export const uipathVendor = defineVendor({
  name: "uipath",
  label: "UiPath",
  defaultPort: 4510,
  basePath: "",
  settings: { uipathRetryAfter: booleanSetting("uipathRetryAfter", true) },
  seed: seedUipath,
  // Rate counters start afresh after a restart.
  revive: (saved) => ({ ...saved, rateWindow: emptyUipathState().rateWindow }),
  createApp: (runtime, origin) => createUipathApp(runtime, runtime.keys.shared(), origin),
  demoConnections: uipathDemoConnections,
  // An organization has one SAML certificate pair; its apps hold the federated credentials.
  tenants: { shape: { maxSetsPerConnection: 1, federatedCredentials: true }, add: addUipathTenants },
});
