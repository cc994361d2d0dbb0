import { SANDBOX_VENDORS, type DemoConnection, type VendorName } from "../vendors";

export type { DemoConnection } from "../vendors";

/** The demo connections of every vendor, for its base URL (what `npm run sandbox` prints). */
export function demoConnections(urls: Record<VendorName, string>): DemoConnection[] {
  return SANDBOX_VENDORS.flatMap((vendor): DemoConnection[] => vendor.demoConnections(urls[vendor.name]));
}
