import { readFileSync } from "node:fs";
import { expect, test, type Locator } from "@playwright/test";
import { CertificatesPage } from "./pages/certificates.page";
import { signInAs } from "./support/sessions";
import { LONG_JOURNEY_TIMEOUT } from "./support/timeouts";
import { generateCertificatePem } from "./support/certificates";
import { sandboxControl } from "./support/sandbox";
import { serverActionId } from "./support/server-actions";

const CLOUDFLARE = "Acme Corp (sandbox)";
const HUAWEI = "Acme Singapore (sandbox)";

/** The SHA-256 thumbprints shown in a slot (or slots), upper-case hex without colons. */
async function thumbprintsIn(slot: Locator): Promise<string[]> {
  const codes = await slot.locator("code").allTextContents();
  return codes.map((code) => code.replaceAll(":", "").trim()).filter((hex) => /^[0-9A-F]{64}$/.test(hex));
}

test.describe("certificates", () => {
  test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT }); // vendor writes, reconciliation, key generation
  test.beforeEach(async () => {
    for (const vendor of ["uipath", "cloudflare", "huawei"] as const)
      await sandboxControl(vendor, "reset", {});
  });

  test("the list shows every vendor's sets; a viewer can read and download but not change", async ({
    page,
  }) => {
    await signInAs(page, "viewer");
    const certificates = new CertificatesPage(page);
    await certificates.gotoList();
    for (const vendor of [
      "UiPath Automation Cloud",
      "Cloudflare Zero Trust Access",
      "Huawei Cloud IAM Identity Center",
    ]) {
      await expect(certificates.rows().filter({ hasText: vendor }).first()).toBeVisible();
    }
    await certificates.gotoList("?status=expired");
    await expect(certificates.rows().first()).toContainText("Expired");
    await certificates.gotoList("?vendor=cloudflare&sort=name");
    await expect(certificates.rows().filter({ hasText: "UiPath" })).toHaveCount(0);

    await certificates.openSet(CLOUDFLARE);
    await expect(page.getByRole("toolbar", { name: "Changes to this set" })).toHaveCount(0);
    // The previews are in the page's first HTML (rendered on the server), thumbprints and all.
    const shown = await thumbprintsIn(certificates.slot("current"));
    expect(shown).toHaveLength(1);
    const firstHtml = (await (await page.request.get(page.url())).text()).replaceAll(":", "");
    for (const hex of shown) expect(firstHtml).toContain(hex);
    const download = page.waitForEvent("download");
    await certificates.slot("current").getByRole("link", { name: "Download PEM" }).click();
    const pem = readFileSync(await (await download).path(), "utf8");
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----/);

    const forged = await page.request.post("/certificates", {
      headers: {
        "Next-Action": serverActionId("runCertificateActionAction"),
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
      },
      data: JSON.stringify([
        { action: "rotate", connectionId: "00000000-0000-4000-8000-000000000000", setId: "x" },
      ]),
    });
    expect(await forged.text()).toContain('"code":"forbidden"');
  });

  test("an operator rotates a Cloudflare set and sees the slots move", async ({ page }) => {
    await signInAs(page, "operator");
    const certificates = new CertificatesPage(page);
    await certificates.openSet(CLOUDFLARE);
    const [current] = await thumbprintsIn(certificates.slot("current"));
    expect(current).toBeTruthy();
    const dialog = await certificates.startAction("Rotate");
    await expect(dialog.getByTestId("action-consequence")).toContainText(/becomes the previous one/);
    await dialog.getByRole("button", { name: "Confirm: rotate" }).click();
    await expect(page.getByText(/Rotated: the new current certificate is/)).toBeVisible();
    await expect.poll(() => thumbprintsIn(certificates.slot("previous"))).toContain(current);
    const [newCurrent] = await thumbprintsIn(certificates.slot("current"));
    expect(newCurrent).not.toEqual(current);
    await expect(page.getByTestId("audit-row").first()).toContainText("certificate.rotate");
  });

  test("a vendor 503 during a rotation is shown honestly and nothing moves", async ({ page }) => {
    await signInAs(page, "operator");
    const certificates = new CertificatesPage(page);
    await certificates.openSet(CLOUDFLARE);
    const [current] = await thumbprintsIn(certificates.slot("current"));
    await sandboxControl("cloudflare", "faults", {
      method: "POST",
      path: "/client/v4/accounts/*/access/saml_certificates/*/rotate",
      kind: "status",
      status: 503,
      count: 1,
    });
    const dialog = await certificates.startAction("Rotate");
    await dialog.getByRole("button", { name: "Confirm: rotate" }).click();
    await expect(
      page
        .locator("main")
        .getByRole("alert")
        .filter({ hasText: /Cloudflare/ }),
    ).toBeVisible();
    const [after] = await thumbprintsIn(certificates.slot("current"));
    expect(after).toEqual(current);
    const { requests } = (await sandboxControl("cloudflare", "requests")) as {
      requests: { method: string; path: string }[];
    };
    expect(requests.filter((r) => r.method === "POST" && r.path.endsWith("/rotate"))).toHaveLength(1);
  });

  test("a rotation whose answer is lost is reconciled: the set is re-read and the user told it was applied", async ({
    page,
  }) => {
    await signInAs(page, "operator");
    const certificates = new CertificatesPage(page);
    await certificates.openSet(CLOUDFLARE);
    const [current] = await thumbprintsIn(certificates.slot("current"));
    await sandboxControl("cloudflare", "faults", {
      method: "POST",
      path: "/client/v4/accounts/*/access/saml_certificates/*/rotate",
      kind: "lost-response",
      count: 1,
    });
    const dialog = await certificates.startAction("Rotate");
    await dialog.getByRole("button", { name: "Confirm: rotate" }).click();
    // Reconciled as applied, it is Trustdeck's success (audited so), said with how it was learnt.
    await expect(
      page.locator("main").getByRole("status").filter({ hasText: "was applied. Do not repeat it." }),
    ).toBeVisible();
    await expect(page.getByText(/Rotated: the new current certificate is/)).toBeVisible();
    await expect.poll(() => thumbprintsIn(certificates.slot("previous"))).toContain(current);
    const { requests } = (await sandboxControl("cloudflare", "requests")) as {
      requests: { method: string; path: string }[];
    };
    expect(requests.filter((r) => r.method === "POST" && r.path.endsWith("/rotate"))).toHaveLength(1);
  });

  test("a vendor that fails to answer shows its error in place; the other vendors still show", async ({
    page,
  }) => {
    await signInAs(page, "viewer");
    const certificates = new CertificatesPage(page);
    await certificates.gotoList();
    const huawei = page.getByTestId(`connection-status-${HUAWEI}`);
    await expect(huawei).toContainText(/read (just now|\d+ \w+ ago|\d{4}-)/);
    await sandboxControl("huawei", "faults", {
      method: "GET",
      path: "/v1/identity-stores/**",
      kind: "status",
      status: 500,
    });
    try {
      await huawei.getByRole("button", { name: "Refresh this connection" }).click();
      await expect(
        huawei
          .getByRole("alert")
          .filter({ hasText: `${HUAWEI} (Huawei Cloud IAM Identity Center) could not be read` }),
      ).toContainText("What is shown is the last successful read.");
      await expect(
        certificates.rows().filter({ hasText: "Cloudflare Zero Trust Access" }).first(),
      ).toBeVisible();
      await expect(certificates.rows().filter({ hasText: "UiPath Automation Cloud" }).first()).toBeVisible();
      // The failing connection keeps its last snapshot (from the inventory), marked by the error above.
      await expect(certificates.rows().filter({ hasText: HUAWEI }).first()).toBeVisible();
    } finally {
      await sandboxControl("huawei", "faults", undefined, "DELETE");
    }
    await huawei.getByRole("button", { name: "Refresh this connection" }).click();
    await expect(huawei.getByRole("alert")).toHaveCount(0);
  });

  test("an operator drags a certificate onto the UiPath secondary slot; a pasted private key is refused in the browser", async ({
    page,
  }) => {
    await signInAs(page, "operator");
    // The X.509 decoder is fetched only when a certificate is first given (a sentence of its strict DER reader marks it).
    const scripts: Promise<string>[] = [];
    page.on("response", (response) => {
      if (response.url().endsWith(".js")) scripts.push(response.text().catch(() => ""));
    });
    const decoderLoaded = async () =>
      (await Promise.all(scripts)).some((body) =>
        body.includes("not in its shortest form, which DER requires"),
      );
    const certificates = new CertificatesPage(page);
    await certificates.openSet("(sandbox)", "UiPath");
    expect(await decoderLoaded()).toBe(false);
    const actionCalls: string[] = [];
    page.on("request", (request) => {
      if (request.headers()["next-action"]) actionCalls.push(request.url());
    });

    let dialog = await certificates.startAction("Upload secondary certificate");
    await dialog.getByRole("textbox").first().fill(readFileSync("lib/x509/fixtures/key-pkcs8.pem", "utf8"));
    await expect(dialog.getByText(/private key/i).first()).toBeVisible();
    await expect(dialog.getByText(/not uploaded|was not sent|never left/i).first()).toBeVisible();
    await expect(dialog.getByRole("button", { name: /Confirm/ })).toBeDisabled();
    expect(actionCalls).toEqual([]);
    expect(await decoderLoaded()).toBe(true);
    await dialog.getByRole("button", { name: "Cancel" }).click();

    const pem = await generateCertificatePem("uipath-secondary.e2e.example");
    dialog = await certificates.startAction("Upload secondary certificate");
    const zone = dialog.getByTestId("dropzone-input").locator("..");
    const transfer = await page.evaluateHandle((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], "secondary.pem", { type: "application/x-pem-file" }));
      return data;
    }, pem);
    await zone.dispatchEvent("dragenter", { dataTransfer: transfer });
    await zone.dispatchEvent("dragover", { dataTransfer: transfer });
    await zone.dispatchEvent("drop", { dataTransfer: transfer });
    await expect(dialog.getByText("uipath-secondary.e2e.example").first()).toBeVisible();
    await dialog.getByRole("button", { name: "Confirm: upload secondary certificate" }).click();
    await expect(page.getByText(/Uploaded as the secondary certificate/)).toBeVisible();
    await expect(certificates.slot("secondary")).toContainText("uipath-secondary.e2e.example");
  });

  test("an operator creates and activates a Huawei SP certificate, and imports an IdP certificate", async ({
    page,
  }) => {
    await signInAs(page, "operator");
    const certificates = new CertificatesPage(page);
    await certificates.openSet(HUAWEI, "Service-provider");
    const before = await page.locator("[data-testid^=slot-]").count();
    let dialog = await certificates.startAction("Create SP certificate");
    await expect(dialog.getByTestId("action-consequence")).toContainText("starts INACTIVE");
    await dialog.getByRole("button", { name: "Confirm: create sp certificate" }).click();
    await expect(page.getByText(/It is INACTIVE until you activate it/)).toBeVisible();
    await expect(page.locator("[data-testid^=slot-]")).toHaveCount(before + 1);

    const inactive = page
      .locator("[data-state=INACTIVE]")
      .filter({ has: page.getByRole("button", { name: "Activate" }) })
      .last();
    const [created] = await thumbprintsIn(inactive);
    await inactive.getByRole("button", { name: "Activate" }).click();
    dialog = page.getByRole("dialog");
    await expect(dialog.getByTestId("action-consequence")).toContainText(
      "becomes the active SP signing certificate",
    );
    await dialog.getByRole("button", { name: "Confirm: activate" }).click();
    await expect(page.getByText(/Activated/)).toBeVisible();
    await expect.poll(async () => thumbprintsIn(page.locator("[data-state=ACTIVE]"))).toEqual([created]);

    await certificates.openSet(HUAWEI, "External IdP");
    const pem = await generateCertificatePem("idp-signing.e2e.example");
    dialog = await certificates.startAction("Import IdP certificate");
    await dialog.getByRole("textbox").first().fill(pem);
    await expect(dialog.getByText("idp-signing.e2e.example").first()).toBeVisible();
    await dialog.getByRole("button", { name: "Confirm: import idp certificate" }).click();
    await expect(page.getByText(/Imported the IdP signing certificate/)).toBeVisible();
    await expect(
      page.locator("[data-testid^=slot-]").filter({ hasText: "idp-signing.e2e.example" }),
    ).toHaveCount(1);
  });
});
