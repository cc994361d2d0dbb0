import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { CertificatesPage } from "./pages/certificates.page";
import { sandboxControl } from "./support/sandbox";
import { signInAs } from "./support/sessions";

const FIXTURES = "lib/x509/fixtures";
const fixture = (name: string) => readFileSync(`${FIXTURES}/${name}`, "utf8");
const openssl = JSON.parse(fixture("rsa2048.expected.json")) as { sha256: string };
const colons = (hex: string) => hex.match(/../g)!.join(":");

async function openUploadDialog(page: import("@playwright/test").Page) {
  await signInAs(page, "operator");
  const certificates = new CertificatesPage(page);
  await certificates.openSet("(sandbox)", "UiPath");
  return certificates.startAction("Upload secondary certificate");
}

test.describe("X.509 preview", () => {
  test.beforeEach(async () => {
    await sandboxControl("uipath", "reset", {});
  });

  test("works on an origin without crypto.subtle (plain http on a LAN address)", async ({ page }) => {
    // What an insecure origin looks like: no `crypto.subtle`. Workers are removed too, so the
    // decoder runs in this very page, where `crypto.subtle` is gone.
    await page.addInitScript(() => {
      delete (Object.getPrototypeOf(crypto) as { subtle?: unknown }).subtle;
      delete (globalThis as { Worker?: unknown }).Worker;
    });
    const dialog = await openUploadDialog(page);
    expect(await page.evaluate(() => typeof crypto.subtle)).toBe("undefined");
    await dialog.getByRole("textbox").first().fill(fixture("rsa2048.pem"));
    await expect(dialog.getByText("Read one certificate from the pasted text.")).toBeVisible();
    await expect(dialog.getByText(colons(openssl.sha256)).first()).toBeVisible();
    // The signature was verified without Web Crypto, so the claim is made.
    await expect(dialog.getByText("(self-signed)")).toBeVisible();
    await expect(dialog.getByText(/could not be loaded/)).toHaveCount(0);

    // A signature that does not verify is said so, here too.
    await dialog.getByRole("textbox").first().fill(fixture("bad-signature-rsa2048.pem"));
    await expect(dialog.getByText(/The signature does not verify/).first()).toBeVisible();
    await expect(dialog.getByText("(self-signed)")).toHaveCount(0);
  });

  test("the page stays responsive while a large paste is decoded in a worker", async ({ page }) => {
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    const dialog = await openUploadDialog(page);
    // About 250 KB: every fixture certificate, repeated, as one bundle.
    const names = [
      "rsa2048",
      "rsa4096",
      "ec-p256",
      "ec-p384",
      "ed25519",
      "leaf",
      "intermediate-ca",
      "root-ca",
    ];
    const unit = names.map((name) => fixture(`${name}.pem`)).join("");
    const bundle = unit.repeat(Math.floor((250 * 1024) / unit.length));

    await page.evaluate(() => {
      const state = window as unknown as { ticks: number; beat: boolean };
      state.ticks = 0;
      state.beat = true;
      const tick = () => {
        state.ticks++;
        if (state.beat) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const textbox = dialog.getByRole("textbox").first();
    // A paste: the whole text arrives in one input event (typing 250 KB key by key is not the case).
    await textbox.evaluate((element, text) => {
      const area = element as HTMLTextAreaElement;
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!.call(area, text);
      area.dispatchEvent(new Event("input", { bubbles: true }));
    }, bundle);
    const ticksAfterPaste = await page.evaluate(() => (window as unknown as { ticks: number }).ticks);
    await expect(dialog.getByText(/Read \d+ certificates from the pasted text\./)).toBeVisible();
    const ticksAtResult = await page.evaluate(() => (window as unknown as { ticks: number }).ticks);

    // Frames kept coming while the bundle was decoded: the work ran off the main thread.
    expect(ticksAtResult - ticksAfterPaste).toBeGreaterThanOrEqual(2);
    expect(workers.length).toBeGreaterThanOrEqual(1);
    // Typing still works at once, and the answer follows the latest text.
    await textbox.fill(fixture("ec-p256.pem"));
    await expect(dialog.getByText("Read one certificate from the pasted text.")).toBeVisible();
  });
});
