import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sessions";
import { ConnectionsPage } from "./pages/connections.page";
import { serverActionId } from "./support/server-actions";

test.describe("roles", () => {
  test("a viewer sees no admin actions, and a forged admin action is refused and audited", async ({
    page,
    browser,
  }) => {
    await signInAs(page, "viewer");
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
    await page.goto("/users");
    await expect(page.getByText("Not available for your role")).toBeVisible();
    const connections = new ConnectionsPage(page);
    await connections.goto();
    await expect(connections.addButton()).toHaveCount(0);

    // Forge the call the admin form would make, with the viewer's own session cookie.
    const forged = await page.request.post("/connections", {
      headers: {
        "Next-Action": serverActionId("createConnectionAction"),
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
      },
      data: JSON.stringify([
        {
          vendor: "cloudflare",
          name: "Forged by viewer",
          accountId: "0123456789abcdef0123456789abcdef",
          apiToken: "forged-token",
        },
      ]),
    });
    const body = await forged.text();
    expect(body).toContain('"code":"forbidden"');
    expect(body).toContain("This needs the admin role; your role is viewer");

    await connections.goto();
    await expect(page.getByText("Forged by viewer")).toHaveCount(0);

    // The admin sees the refusal in the audit log.
    const adminContext = await browser.newContext();
    const adminPage = await adminContext.newPage();
    await signInAs(adminPage, "admin");
    await adminPage.goto("/audit?actor=viewer&outcome=denied");
    const row = adminPage.getByTestId("audit-row").first();
    await expect(row).toContainText("connection.create");
    await expect(row).toContainText("denied");
    await adminContext.close();
  });

  test("an operator can read connections but not manage them or users", async ({ page }) => {
    await signInAs(page, "operator");
    const connections = new ConnectionsPage(page);
    await connections.goto();
    await expect(connections.addButton()).toHaveCount(0);
    await page.goto("/users");
    await expect(
      page.getByText("This page needs the admin role; you are signed in as operator."),
    ).toBeVisible();
  });

  test("an action call without a session never reaches the action", async ({ request }) => {
    const response = await request.post("/connections", {
      headers: {
        "Next-Action": serverActionId("deleteConnectionAction"),
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
      },
      data: JSON.stringify([{ id: "00000000-0000-4000-8000-000000000000" }]),
      maxRedirects: 0,
    });
    // The proxy answers before any action code runs: a 401 that says the session ended (a page
    // load still gets the redirect to sign-in; an action call gets words it can show).
    expect(response.status()).toBe(401);
    expect(response.headers()["content-type"]).toContain("text/plain");
    expect(await response.text()).toMatch(/sign in again/i);
    expect(response.headers()["location"]).toBeUndefined();
  });
});
