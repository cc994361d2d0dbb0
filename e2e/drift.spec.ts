import { expect, test, type Page } from "@playwright/test";
import { USERS } from "./pages/login.page";
import { CertificatesPage } from "./pages/certificates.page";
import { generateCertificatePem } from "./support/certificates";
import { freshInventory, overviewAfterRefresh } from "./support/inventory";
import { signInAs } from "./support/sessions";
import { LONG_JOURNEY_TIMEOUT } from "./support/timeouts";
import { uploadUipathSecondary } from "./support/vendor-console";

// The UiPath demo organizations: Contoso has a secondary certificate, Tailspin and Fabrikam none.
const REPLACED_AT_VENDOR = "Contoso (sandbox)";
const ADDED_AT_VENDOR = "Tailspin Toys (sandbox)";
const UPLOADED_BY_TRUSTDECK = "Fabrikam (sandbox)";

/** The drift entries about one connection's changes made outside Trustdeck. */
const changesAt = (page: Page, connection: string) =>
  page
    .getByTestId("drift-entry")
    .filter({ hasText: `${connection} · ` })
    .filter({ hasText: "changed outside Trustdeck" });

test.describe("drift", () => {
  test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT }); // two inventory refreshes

  test("a change made at the vendor shows as drift in its own words, is acknowledged once for everyone; a Trustdeck upload never shows", async ({
    page,
  }) => {
    const overview = await freshInventory(page);

    await uploadUipathSecondary(REPLACED_AT_VENDOR, await generateCertificatePem("replaced.drift.e2e"));
    await uploadUipathSecondary(ADDED_AT_VENDOR, await generateCertificatePem("added.drift.e2e"));

    // Trustdeck's own upload into an empty slot, between the two refreshes.
    const certificates = new CertificatesPage(page);
    await certificates.openSet(UPLOADED_BY_TRUSTDECK);
    const dialog = await certificates.startAction("Upload secondary certificate");
    await dialog
      .getByRole("textbox")
      .first()
      .fill(await generateCertificatePem("trustdeck.drift.e2e"));
    await dialog.getByRole("button", { name: "Confirm: upload secondary certificate" }).click();
    await expect(page.getByText(/Uploaded as the secondary certificate/)).toBeVisible();

    await overviewAfterRefresh(overview);
    const drift = page.getByTestId("drift-list");
    const replaced = changesAt(page, REPLACED_AT_VENDOR);
    const added = changesAt(page, ADDED_AT_VENDOR);
    await expect(replaced).toHaveCount(1);
    await expect(replaced).toContainText(/in secondary replaced by [0-9A-F:]+… \(replaced\.drift\.e2e/);
    await expect(added).toHaveCount(1);
    await expect(added).toContainText(
      /certificate [0-9A-F:]+… \(added\.drift\.e2e, expires [\d-]+\) added to secondary/,
    );
    await expect(added).not.toContainText("replaced");
    await expect(drift).not.toContainText(UPLOADED_BY_TRUSTDECK);
    await expect(drift).not.toContainText("trustdeck.drift.e2e");

    // The operator acknowledges the replacement: it leaves the list, and stays gone after a reload.
    await replaced.getByRole("button", { name: /^Acknowledge/ }).click();
    await expect(replaced).toHaveCount(0);
    await expect(added).toHaveCount(1);
    await page.reload();
    await expect(added).toHaveCount(1);
    await expect(replaced).toHaveCount(0);

    // Who acknowledged which change, and when, is in the audit log.
    await page.goto("/audit?action=inventory.drift.acknowledge");
    const row = page.getByTestId("audit-row").first();
    await expect(row).toContainText(USERS.operator.name);
    await expect(row).toContainText(REPLACED_AT_VENDOR);

    // Acknowledged for everyone: a viewer does not see it either, and is offered no button.
    await signInAs(page, "viewer");
    await overview.goto();
    await expect(added).toHaveCount(1);
    await expect(replaced).toHaveCount(0);
    await expect(drift.getByRole("button", { name: /Acknowledge/ })).toHaveCount(0);
  });
});
