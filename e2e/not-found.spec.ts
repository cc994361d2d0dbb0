import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sessions";

const UNKNOWN_CONNECTION = "00000000-0000-4000-8000-000000000000";

test("unknown sets, applications and credentials answer 404 and say what was not found", async ({ page }) => {
  await signInAs(page, "admin");

  await page.goto("/certificates");
  const setHref = (await page
    .locator('[data-testid="certificate-set-row"] a[href^="/certificates/"]')
    .first()
    .getAttribute("href"))!;
  const connectionId = setHref.split("/")[2]!;
  await page.goto("/federated-credentials");
  const applicationHref = (await page
    .locator('[data-testid^="application-"] a[href^="/federated-credentials/"]')
    .first()
    .getAttribute("href"))!;

  const cases: [string, string][] = [
    [`/certificates/${connectionId}/no-such-set`, "This certificate set does not exist"],
    [`/certificates/${UNKNOWN_CONNECTION}/no-such-set`, "This certificate set does not exist"],
    [`/federated-credentials/${UNKNOWN_CONNECTION}/no-such-app`, "This external application does not exist"],
    [`${applicationHref}/no-such-credential`, "This federated credential does not exist"],
  ];
  for (const [path, text] of cases) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByText(text)).toBeVisible();
  }
});
