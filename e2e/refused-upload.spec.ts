import { readFileSync } from "node:fs";
import { expect, test, type Locator } from "@playwright/test";
import { CertificatesPage } from "./pages/certificates.page";
import { sandboxControl } from "./support/sandbox";
import { signInAs } from "./support/sessions";

async function paste(dialog: Locator, pem: string) {
  await dialog.getByRole("textbox").first().fill(pem);
}

test.describe("a refused upload", () => {
  test.beforeEach(async () => {
    await sandboxControl("uipath", "reset", {});
  });

  test("an expired or duplicate certificate cannot be confirmed, and the dialog says why", async ({
    page,
  }) => {
    await signInAs(page, "operator");
    const certificates = new CertificatesPage(page);
    await certificates.openSet("(sandbox)", "UiPath");
    const actionCalls: string[] = [];
    page.on("request", (request) => {
      if (request.headers()["next-action"]) actionCalls.push(request.url());
    });

    // Expired.
    let dialog = await certificates.startAction("Upload secondary certificate");
    await paste(dialog, readFileSync("lib/x509/fixtures/expired.pem", "utf8"));
    await expect(dialog.getByText("Trustdeck will not upload this certificate")).toBeVisible();
    await expect(dialog.getByRole("button", { name: /Confirm/ })).toBeDisabled();
    await dialog.getByRole("button", { name: "Cancel" }).click();

    // Already in this set: the primary certificate, as the vendor serves it.
    const download = page.getByTestId("slot-primary").getByRole("link", { name: "Download PEM" });
    const response = await page.request.get((await download.getAttribute("href"))!);
    expect(response.ok()).toBe(true);
    dialog = await certificates.startAction("Upload secondary certificate");
    await paste(dialog, await response.text());
    await expect(dialog.getByText("Trustdeck will not upload this certificate")).toBeVisible();
    await expect(dialog.getByRole("button", { name: /Confirm/ })).toBeDisabled();

    expect(actionCalls).toEqual([]);
  });
});
