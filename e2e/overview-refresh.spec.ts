import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sessions";
import { LONG_JOURNEY_TIMEOUT } from "./support/timeouts";
import { OverviewPage } from "./pages/overview.page";
import { sandboxConnections, sandboxControl } from "./support/sandbox";

const HUAWEI_FAULT = { method: "GET", path: "/v1/identity-stores/**", kind: "status", status: 500 };

/** Rotate a Cloudflare set straight at the (sandbox) vendor, as someone in its console would. */
async function rotateOutsideTrustdeck(): Promise<void> {
  const cf = sandboxConnections().find((c) => c.name === "Acme Corp (sandbox)")!;
  const base = `${cf.baseUrl}/accounts/${cf.accountId}/access/saml_certificates`;
  const headers = { Authorization: `Bearer ${cf.apiToken}` };
  const list = (await (await fetch(base, { headers })).json()) as { result: { uid: string }[] };
  const rotated = await fetch(`${base}/${list.result[0]!.uid}/rotate`, { method: "POST", headers });
  expect(rotated.status).toBe(200);
}

test.describe("overview", () => {
  test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT }); // two inventory refreshes

  test("after a refresh, a failing vendor is listed as stale and a change made at the vendor as drift", async ({
    page,
  }) => {
    for (const vendor of ["uipath", "cloudflare", "huawei"] as const)
      await sandboxControl(vendor, "reset", {});
    await signInAs(page, "operator");
    const overview = new OverviewPage(page);
    await overview.goto();
    await overview.refreshAll();
    await overview.goto();
    await expect(overview.bars().first()).toBeVisible();

    await rotateOutsideTrustdeck();
    await sandboxControl("huawei", "faults", HUAWEI_FAULT);
    try {
      await overview.goto();
      await overview.refreshAll();
      await overview.goto();
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
