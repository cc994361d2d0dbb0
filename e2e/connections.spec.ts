import { expect, test, type Response } from "@playwright/test";
import { signInAs } from "./support/sessions";
import { ConnectionsPage } from "./pages/connections.page";

const SECRET = `cf-e2e-token-${Date.now()}-do-not-leak`;

test("an admin adds a connection; its secret never reaches the browser again; the audit log shows it", async ({
  page,
}) => {
  // Everything the browser receives from here on is scanned for the secret.
  const bodies: Promise<string>[] = [];
  page.on("response", (response: Response) => {
    bodies.push(
      response.body().then(
        (b) => b.toString("utf8"),
        () => "",
      ),
    );
  });

  await signInAs(page, "admin");
  const connections = new ConnectionsPage(page);
  await connections.goto();

  // Field validation comes from the shared schema, with a specific message per field.
  await connections.addButton().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Vendor").selectOption("uipath");
  await dialog.getByLabel("Name", { exact: true }).fill("UiPath bad ids");
  await dialog.getByLabel("Access URL").fill("http://cloud.uipath.com");
  await dialog.getByLabel("Organization name").fill("acme");
  await dialog.getByLabel("partitionGlobalId (organization ID)").fill("acme");
  await dialog.getByRole("button", { name: "Add connection" }).click();
  await expect(dialog.getByText(/plain http is only accepted for a loopback address/)).toBeVisible();
  await expect(dialog.getByText(/not its name/)).toBeVisible();
  await expect(dialog.getByText("Enter the client secret.")).toBeVisible();
  await page.keyboard.press("Escape");

  await connections.addCloudflare({
    name: "Cloudflare e2e",
    accountId: "0123456789abcdef0123456789abcdef",
    apiToken: SECRET,
  });
  await expect(page.getByText("Connection “Cloudflare e2e” added.")).toBeVisible();
  const row = connections.row("Cloudflare e2e");
  await expect(row).toContainText("apiToken set");
  await expect(row).toContainText("accountId: 0123456789abcdef0123456789abcdef");

  // Edit shows "set · replace" instead of the value, and keeps the secret when left alone.
  await row.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog");
  await expect(edit.getByRole("button", { name: "Replace api token" })).toBeVisible();
  await edit.getByLabel("Name", { exact: true }).fill("Cloudflare e2e renamed");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Connection “Cloudflare e2e renamed” saved.")).toBeVisible();

  // A duplicate name is refused on the field, by the server.
  await connections.addCloudflare({
    name: "Cloudflare e2e renamed",
    accountId: "0123456789abcdef0123456789abcdef",
    apiToken: "another-token",
  });
  await expect(
    page.getByRole("dialog").getByText("A connection named “Cloudflare e2e renamed” already exists.").first(),
  ).toBeVisible();
  await page.keyboard.press("Escape");

  // Disable, then the audit log shows sign-in and every change, without the secret.
  await connections.row("Cloudflare e2e renamed").getByRole("button", { name: "Disable" }).click();
  await expect(connections.row("Cloudflare e2e renamed")).toContainText("Disabled");
  await page.goto("/audit?actor=admin");
  await expect(page.getByTestId("audit-row").filter({ hasText: "connection.create" }).first()).toContainText(
    "Cloudflare e2e",
  );
  await expect(page.getByTestId("audit-row").filter({ hasText: "connection.update" }).first()).toContainText(
    "success",
  );
  await expect(page.getByTestId("audit-row").filter({ hasText: "auth.sign-in" }).first()).toContainText(
    "success",
  );
  for (const details of await page.getByTestId("audit-row").locator("pre").allTextContents())
    expect(details).not.toContain(SECRET);

  // The server-rendered HTML and the RSC payload of every page, fetched directly.
  for (const path of ["/connections", "/audit", "/", "/users"]) {
    for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
      const response = await page.request.get(path, { headers });
      expect(response.ok()).toBe(true);
      expect(await response.text(), `${path} ${JSON.stringify(headers)}`).not.toContain(SECRET);
    }
  }
  const all = await Promise.all(bodies);
  expect(all.length).toBeGreaterThan(10);
  expect(all.filter((body) => body.includes(SECRET))).toEqual([]);
});

test("changing where a stored secret goes requires entering it again; unlisted hosts are refused", async ({
  page,
}) => {
  await signInAs(page, "admin");
  const connections = new ConnectionsPage(page);
  await connections.goto();
  await connections.addCloudflare({
    name: "Cloudflare bound e2e",
    accountId: "0123456789abcdef0123456789abcdef",
    apiToken: `${SECRET}-bound`,
  });
  await expect(page.getByText("Connection “Cloudflare bound e2e” added.")).toBeVisible();

  // The form warns as soon as the base URL changes, and asks for the token instead of keeping it.
  await connections.row("Cloudflare bound e2e").getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog");
  await expect(edit.getByRole("button", { name: "Replace api token" })).toBeVisible();
  await edit.getByLabel("API base URL").fill("https://api.cloudflare.com/client/v5");
  const wording =
    /^The API base URL changes where the stored API token would be sent: enter the API token again/;
  await expect(edit.getByRole("status").filter({ hasText: wording })).toBeVisible();
  await expect(edit.getByRole("button", { name: "Replace api token" })).toHaveCount(0);
  await expect(edit.getByLabel("API token")).toBeVisible();

  // The server decides: saving without the token is refused, naming the field; nothing changes.
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByRole("alert").filter({ hasText: wording })).toBeVisible();
  await page.keyboard.press("Escape");
  await connections.goto();
  await connections.row("Cloudflare bound e2e").getByRole("button", { name: "Edit" }).click();
  await expect(page.getByRole("dialog").getByLabel("API base URL")).toHaveValue(
    "https://api.cloudflare.com/client/v4",
  );
  await page.keyboard.press("Escape");

  // A host that is neither Cloudflare's documented API host nor named by the server is refused.
  for (const [baseUrl, message] of [
    ["https://api.cloudflare.com.attacker.example/client/v4", /not a documented Cloudflare API host/],
    ["http://127.0.0.1:1/client/v4", /TRUSTDECK_CUSTOM_VENDOR_HOSTS/],
    ["https://user:pass@api.cloudflare.com/client/v4", /Remove the user name and password/],
  ] as const) {
    await connections.addCloudflare({
      name: "Cloudflare elsewhere e2e",
      baseUrl,
      accountId: "0123456789abcdef0123456789abcdef",
      apiToken: "another-token",
    });
    await expect(page.getByRole("dialog").getByText(message).first()).toBeVisible();
    await page.keyboard.press("Escape");
  }
  await expect(connections.row("Cloudflare elsewhere e2e")).toHaveCount(0);

  await page.goto("/audit?action=connection.update");
  await expect(page.getByTestId("audit-row").filter({ hasText: "secret-required" }).first()).toContainText(
    "Cloudflare bound e2e",
  );
  await connections.goto();
  await connections.remove("Cloudflare bound e2e");
});
