import type { Page } from "@playwright/test";
import { OverviewPage } from "../pages/overview.page";
import { sandboxControl } from "./sandbox";
import { signInAs } from "./sessions";

/** Every vendor the sandbox simulates. */
export const SANDBOX_VENDORS = ["uipath", "cloudflare", "huawei"] as const;

/** Put every sandbox vendor back to its seeded demo state. */
export async function resetSandbox(): Promise<void> {
  for (const vendor of SANDBOX_VENDORS) await sandboxControl(vendor, "reset", {});
}

/**
 * The start of the inventory journeys: the sandbox back to its seed, an operator signed in (the
 * least role that may refresh), one "Refresh all" run, and the Overview open on its result.
 */
export async function freshInventory(page: Page): Promise<OverviewPage> {
  await resetSandbox();
  await signInAs(page, "operator");
  const overview = new OverviewPage(page);
  await overviewAfterRefresh(overview);
  return overview;
}

/** Run "Refresh all" from the Overview and come back to it, showing the new snapshot. */
export async function overviewAfterRefresh(overview: OverviewPage): Promise<void> {
  await overview.goto();
  await overview.refreshAll();
  await overview.goto();
}
