import { expect, test } from "@playwright/test";
import { ConnectionsPage } from "./pages/connections.page";
import { signInAs } from "./support/sessions";
import { SANDBOX, sandboxConnections } from "./support/sandbox";

test.describe("test connection", () => {
  test("a working sandbox connection passes; a wrong token and a wrong account say precisely what is wrong; the list remembers", async ({
    page,
  }) => {
    await signInAs(page, "admin");
    const connections = new ConnectionsPage(page);
    await connections.goto();

    const acme = connections.row("Acme Corp (sandbox)");
    await acme.getByRole("button", { name: "Test" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByText("The connection works.")).toBeVisible();
    await expect(dialog.getByTestId("connection-check").first()).toContainText("✓ passed");
    await page.keyboard.press("Escape");
    await expect(acme).toContainText("Passed");

    const real = sandboxConnections().find((c) => c.name === "Acme Corp (sandbox)")!;
    await connections.addCloudflare({
      name: "Acme wrong token",
      baseUrl: SANDBOX.cloudflare,
      accountId: real.accountId!,
      apiToken: "not-a-real-token-value-0000000000",
    });
    await expect(page.getByText("Connection “Acme wrong token” added.")).toBeVisible();
    await connections.row("Acme wrong token").getByRole("button", { name: "Test" }).click();
    await expect(dialog.getByText("The connection does not work yet.")).toBeVisible();
    await expect(dialog.getByTestId("connection-check").filter({ hasText: "✗ failed" })).toContainText(
      /token/i,
    );
    await page.keyboard.press("Escape");
    await expect(connections.row("Acme wrong token")).toContainText("Failed");

    await connections.addCloudflare({
      name: "Acme wrong account",
      baseUrl: SANDBOX.cloudflare,
      accountId: "0123456789abcdef0123456789abcdef",
      apiToken: real.apiToken!,
    });
    await connections.row("Acme wrong account").getByRole("button", { name: "Test" }).click();
    await expect(dialog.getByTestId("connection-check").filter({ hasText: "✗ failed" })).toContainText(
      /account/i,
    );
    await page.keyboard.press("Escape");

    await connections.addCloudflare({
      name: "Nothing listens here",
      baseUrl: "http://127.0.0.1:9/client/v4",
      accountId: real.accountId!,
      apiToken: real.apiToken!,
    });
    await connections.row("Nothing listens here").getByRole("button", { name: "Test" }).click();
    await expect(dialog.getByTestId("connection-check").filter({ hasText: "✗ failed" })).toContainText(
      /Cannot reach 127\.0\.0\.1:9/,
    );
    await page.keyboard.press("Escape");

    await page.goto("/audit?action=connection.test");
    await expect(page.getByTestId("audit-row").filter({ hasText: "Acme wrong token" }).first()).toContainText(
      "failure",
    );

    // Leave the seeded connections as they were: later specs refresh the whole inventory.
    await connections.goto();
    for (const name of ["Acme wrong token", "Acme wrong account", "Nothing listens here"])
      await connections.remove(name);
  });
});
