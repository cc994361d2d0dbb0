import type { CoreSettings, SettingSpecs } from "./core/settings";
import { cloudflareVendor } from "./cloudflare/vendor";
import { huaweiVendor } from "./huawei/vendor";
import { uipathVendor } from "./uipath/vendor";

/**
 * The simulated vendors, one line each: `sandbox/<vendor>/vendor.ts` declares everything else.
 * The HTTPS OIDC issuers (sandbox/issuers) are not a vendor; the server starts them beside.
 */
export const SANDBOX_VENDORS = [uipathVendor, cloudflareVendor, huaweiVendor] as const;

type Registered = (typeof SANDBOX_VENDORS)[number];

/** A simulated vendor's name. */
export type VendorName = Registered["name"];

/** A service with a port of its own: every vendor and the issuers. */
export type ServiceName = VendorName | "issuers";

/** A demo connection of any vendor, in the dashboard's connection input shape. */
export type DemoConnection = ReturnType<Registered["demoConnections"]>[number];

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;
type SettingsOf<V> = V extends { settings: SettingSpecs<infer S> } ? S : never;

/** Every run-time switch: the core ones and each vendor's own. */
export type SandboxSettings = CoreSettings & UnionToIntersection<SettingsOf<Registered>>;
