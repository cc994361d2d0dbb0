import { defineVendor } from "../vendor-descriptor";
import { huaweiDemoConnections } from "./demo-connections";
import { createHuaweiApp } from "./huawei-app";
import { seedHuawei } from "./seed";

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
});
