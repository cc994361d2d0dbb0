import { expect, test } from "@playwright/test";
import { CertificatesPage } from "./pages/certificates.page";
import { freshInventory } from "./support/inventory";
import { LONG_JOURNEY_TIMEOUT } from "./support/timeouts";

// The demo seed holds expired certificates nothing depends on (Cloudflare previous ones, a Huawei
// SP certificate the vendor marks EXPIRED, an expired ADFS certificate next to a valid one), an
// expired UiPath primary (fabrikam: a real outage) and the Keycloak IdP's only certificate,
// expiring in 2 days.
const KEYCLOAK = "sso.globex.example/realms/globex";

test.describe("what breaks next", () => {
  test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT }); // one inventory refresh

  test("an expired standby certificate is not an outage; a live one expiring in 2 days heads Most urgent", async ({
    page,
  }) => {
    await freshInventory(page);

    const outages = page.getByTestId("breaks-outage");
    await expect(outages).toContainText("fabrikam");
    await expect(outages).toContainText("signs now and has expired: sign-in fails");
    // Expired previous / EXPIRED / superseded certificates are housekeeping, never an outage.
    await expect(outages).not.toContainText("Cloudflare");
    await expect(outages).not.toContainText("Huawei");
    await expect(page.getByTestId("housekeeping-count")).not.toHaveText("0");
    await expect(page.getByTestId("housekeeping")).toContainText("sign-in does not change");

    const soon = page.getByTestId("breaks-within-7").getByTestId("breaks-row");
    await expect(soon.first()).toContainText(KEYCLOAK);
    await expect(soon.first()).toContainText("The IdP's only valid trusted certificate");
    await expect(page.getByTestId("next-break")).toContainText(KEYCLOAK);

    const certificates = new CertificatesPage(page);
    await certificates.gotoList("?sort=status");
    const rows = certificates.rows();
    await expect(rows.first()).toContainText("fabrikam");
    await expect(rows.first()).toContainText("Expired: sign-in fails");
    // After the one outage, the IdP certificate due in 2 days, before the UiPath primary due in 5.
    await expect(rows.nth(1)).toContainText(KEYCLOAK);
    await expect(rows.nth(2)).toContainText("northwind");
    // A set whose only expired certificate is a previous one is housekeeping, not "Expired".
    const cloudflare = rows
      .filter({ hasText: "SAML encryption certificate set" })
      .filter({ hasText: "Housekeeping" });
    await expect(cloudflare.first()).toBeVisible();
    await expect(cloudflare.first()).not.toContainText("Expired: sign-in fails");
  });
});
