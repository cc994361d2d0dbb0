import { defineVendor } from "../vendor-descriptor";
import { huaweiDemoConnections } from "./demo-connections";
import { createHuaweiApp } from "./huawei-app";
import { seedHuawei } from "./seed";
import { addHuaweiTenants } from "./tenants";

/** Huawei Cloud IAM Identity Center: Identity Store certificates behind an AK/SK gateway. */
export const huaweiVendor = defineVendor({
  name: "huawei",
  label: "Huawei",
  defaultPort: 4512,
  basePath: "",
  settings: {},
  seed: seedHuawei,
  revive: (saved) => saved,
  createApp: (runtime) => createHuaweiApp(runtime),
  demoConnections: huaweiDemoConnections,
  // A store's sets: its service-provider certificates, and one per external IdP.
  tenants: { shape: { maxSetsPerConnection: 20_000, federatedCredentials: false }, add: addHuaweiTenants },
});
