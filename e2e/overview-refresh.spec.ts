import { expect, test } from "@playwright/test";
import { LONG_JOURNEY_TIMEOUT } from "./support/timeouts";
import { freshInventory, overviewAfterRefresh } from "./support/inventory";
import { sandboxControl } from "./support/sandbox";
import { rotateCloudflareSet } from "./support/vendor-console";

const HUAWEI_FAULT = { method: "GET", path: "/v1/identity-stores/**", kind: "status", status: 500 };

test.describe("overview", () => {
  test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT }); // two inventory refreshes

  test("after a refresh, a failing vendor is listed as stale and a change made at the vendor as drift", async ({
    page,
  }) => {
    const overview = await freshInventory(page);
    await expect(overview.bars().first()).toBeVisible();

    await rotateCloudflareSet("Acme Corp (sandbox)");
    await sandboxControl("huawei", "faults", HUAWEI_FAULT);
    try {
      await overviewAfterRefresh(overview);
      await expect(page.getByTestId("stale-connections")).toContainText(
        "Stale: Acme Singapore (sandbox) (Huawei Cloud IAM Identity Center)",
      );
      await expect(page.getByTestId("drift-list")).toContainText(
        /Acme Corp \(sandbox\) · .* changed outside Trustdeck/,
      );
      // The failing vendor's previous snapshot still shows, next to everyone else's (collapsed,
      // every vendor's heading is in view; the lanes below the fold are virtualised away).
      await expect(overview.bars().first()).toBeVisible();
      await overview.button("Collapse all").click();
      await expect(
        overview.timeline().getByRole("button", { name: /^Huawei Cloud IAM Identity Center.*\d+ ok/ }),
      ).toBeVisible();
    } finally {
      await sandboxControl("huawei", "faults", undefined, "DELETE");
    }

    await page.getByTestId("status-count-expired").click();
    await expect(page).toHaveURL(/\/certificates\?status=expired$/);
    await expect(page.getByTestId("certificate-set-row").first()).toContainText("Expired");
  });
});
