import { expect, test } from "@playwright/test";
import { CertificatesPage } from "./pages/certificates.page";
import { OverviewPage } from "./pages/overview.page";
import { generateCertificatePem } from "./support/certificates";
import { overviewAfterRefresh, resetSandbox } from "./support/inventory";
import { signInAs } from "./support/sessions";
import { LONG_JOURNEY_TIMEOUT } from "./support/timeouts";

// The UiPath demo organization Tailspin Toys has no SAML certificate configured: its one set holds
// no certificate in any slot. Every other demo set holds at least one.
const EMPTY = "Tailspin Toys (sandbox)";
const FIRST_CN = "first.empty-set.e2e";

test.describe("a set with no certificate", () => {
  test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT }); // two inventory refreshes, one upload

  test("appears in the list as 'no certificate installed', not as an outage; an admin uploads a first certificate into it", async ({
    page,
  }) => {
    await resetSandbox();
    await signInAs(page, "admin");
    const overview = new OverviewPage(page);
    await overviewAfterRefresh(overview);

    // Counted on the Overview, apart from the outages: an empty slot is not an error.
    await expect(page.getByTestId("empty-sets-count")).toHaveText("1");
    await expect(page.getByTestId("empty-sets")).toContainText("An empty slot is not an error");
    await expect(page.getByTestId("breaks-outage")).not.toContainText("Tailspin");

    const certificates = new CertificatesPage(page);
    await certificates.gotoList("?status=empty");
    const row = certificates.rows().filter({ hasText: EMPTY });
    await expect(certificates.rows()).toHaveCount(1);
    await expect(row).toContainText("No certificate installed");
    await expect(row).toContainText("SAML sign-in is not set up");
    await expect(row).not.toContainText("Expired");
    // Unfiltered too (searched: the list is virtualised, and a set with no expiry sorts last).
    await certificates.gotoList("?q=Tailspin");
    await expect(certificates.rows().filter({ hasText: EMPTY })).toContainText("No certificate installed");

    // Its page says so, and offers the upload.
    await certificates.rows().filter({ hasText: EMPTY }).getByRole("link").click();
    await expect(page.getByRole("link", { name: "← All certificates" })).toBeVisible();
    await expect(page.getByTestId("empty-set")).toContainText("Upload a primary certificate to set it up");
    await expect(page.getByTestId("empty-set")).toHaveAttribute("data-sign-in-fails", "false");
    await expect(certificates.slot("primary")).toContainText("Empty: no certificate in this slot.");
    const dialog = await certificates.startAction("Upload primary certificate");
    await dialog
      .getByRole("textbox")
      .first()
      .fill(await generateCertificatePem(FIRST_CN));
    await dialog.getByRole("button", { name: "Confirm: upload primary certificate" }).click();
    await expect(page.getByText(/Uploaded as the primary certificate/)).toBeVisible();
    await expect(page.getByTestId("empty-set")).toHaveCount(0);
    await expect(certificates.slot("primary")).toContainText(FIRST_CN);

    // The inventory followed at once: the list shows the certificate, with no refresh in between.
    await certificates.gotoList("?status=empty");
    await expect(certificates.rows()).toHaveCount(0);
    await certificates.gotoList("?q=Tailspin");
    const filled = certificates.rows().filter({ hasText: EMPTY });
    await expect(filled).toContainText(FIRST_CN);
    await expect(filled).not.toContainText("No certificate installed");
    await overview.goto();
    await expect(page.getByTestId("empty-sets")).toHaveCount(0);

    // The next refresh finds Trustdeck's own upload: it is no drift.
    await overviewAfterRefresh(overview);
    // (With no drift at all the list is not there; either way no entry names the upload.)
    await expect(page.getByTestId("drift-entry").filter({ hasText: FIRST_CN })).toHaveCount(0);
    await expect(page.getByTestId("empty-sets")).toHaveCount(0);
  });
});
