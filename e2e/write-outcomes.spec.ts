import { expect, test } from "@playwright/test";
import { CertificatesPage } from "./pages/certificates.page";
import { FederatedCredentialsPage } from "./pages/federated.page";
import { signInAs } from "./support/sessions";
import { SANDBOX, sandboxControl } from "./support/sandbox";

// The truth after a write whose answer never arrives: lost by the vendor, or by the dashboard.

const CONTOSO = "Contoso (sandbox)";
const CLOUDFLARE = "Acme Corp (sandbox)";

type Logged = { requests: { method: string; path: string }[] };

test.describe("write outcomes", () => {
  test.beforeEach(async () => {
    await sandboxControl("uipath", "reset", {});
  });

  test("a lost answer in the federated dialog: reconciled as applied, the dialog closes and the list shows the credential", async ({
    page,
  }) => {
    await signInAs(page, "operator");
    const federated = new FederatedCredentialsPage(page);
    await federated.goto();
    const nightly = federated.application("Nightly Reports", CONTOSO);
    await expect(federated.meter(nightly)).toContainText("0 / 20");
    const dialog = await federated.startAdd(nightly);
    await federated.fillGithub(dialog, {
      name: "e2e lost answer",
      issuer: `${SANDBOX.issuers}/github-actions`,
      owner: "contoso",
      repo: "nightly",
      branch: "main",
    });
    await sandboxControl("uipath", "faults", {
      method: "POST",
      path: "**/FederatedCredentials",
      kind: "lost-response",
      count: 1,
    });
    await dialog.getByRole("button", { name: "Add credential" }).click();

    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(
      nightly.getByRole("status").filter({ hasText: "was applied. Do not repeat it." }),
    ).toBeVisible();
    await expect(federated.credentialRow(nightly, "e2e lost answer")).toBeVisible();
    await expect(federated.meter(nightly)).toContainText("1 / 20");
    const { requests } = (await sandboxControl("uipath", "requests")) as Logged;
    expect(
      requests.filter((r) => r.method === "POST" && r.path.endsWith("/FederatedCredentials")),
    ).toHaveLength(1);
  });

  test("the server's answer to a rotation is lost on the way to the browser: told so, never offered again, then the truth", async ({
    page,
  }) => {
    await signInAs(page, "operator");
    const certificates = new CertificatesPage(page);
    await certificates.openSet(CLOUDFLARE);
    // Earlier journeys may have changed this set too: count this change's rows on top of theirs.
    const history = page.getByTestId("audit-row").filter({ hasText: "certificate.rotate" });
    const [applied, intents] = [
      await history.filter({ hasText: "success" }).count(),
      await history.filter({ hasText: "pending" }).count(),
    ];
    // The action runs on the server, then the connection to the browser drops before its answer.
    await page.route("**/certificates/**", async (route) => {
      const request = route.request();
      if (request.method() !== "POST" || !request.headers()["next-action"]) return route.fallback();
      await route.fetch();
      await route.abort("connectionreset");
    });
    const dialog = await certificates.startAction("Rotate");
    await dialog.getByRole("button", { name: "Confirm: rotate" }).click();

    await expect(
      page.locator("main").getByRole("alert").filter({ hasText: "The server stopped answering" }),
    ).toContainText("the change may or may not have been made — it will be checked");
    await expect(page.getByRole("button", { name: "Confirm: rotate" })).toHaveCount(0);

    // Read again, the page tells what happened: rotated once, audited as Trustdeck's own change.
    await page.unroute("**/certificates/**");
    await page.reload();
    await expect(history.filter({ hasText: "success" })).toHaveCount(applied + 1);
    await expect(history.filter({ hasText: "pending" })).toHaveCount(intents + 1);
    await expect(page.getByTestId("pending-writes")).toHaveCount(0);
    const { requests } = (await sandboxControl("cloudflare", "requests")) as Logged;
    expect(requests.filter((r) => r.method === "POST" && r.path.endsWith("/rotate"))).toHaveLength(1);
  });
});
