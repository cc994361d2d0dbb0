import type { DemoConnectionBase } from "../vendor-descriptor";
import { UIPATH_ORGS } from "./catalog";

/** A UiPath connection in the dashboard's connection input shape. */
export interface UipathDemoConnection extends DemoConnectionBase<"uipath"> {
  /** The sandbox is a custom host (not a documented UiPath access URL). */
  accessUrlForm: "custom";
  tokenEndpointForm: "access-url";
  organizationName: string;
  partitionGlobalId: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
}

/** One connection per demo organization, through its Trustdeck app. */
export function uipathDemoConnections(baseUrl: string): UipathDemoConnection[] {
  return Object.values(UIPATH_ORGS).map((org) => ({
    vendor: "uipath",
    name: `${org.displayName} (sandbox)`,
    accessUrlForm: "custom",
    baseUrl,
    tokenEndpointForm: "access-url",
    organizationName: org.name,
    partitionGlobalId: org.partitionGlobalId,
    clientId: org.dashboardApp.id,
    clientSecret: org.dashboardApp.secret!,
    scopes: org.dashboardApp.scopes.join(" "),
  }));
}
