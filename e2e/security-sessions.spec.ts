import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { LoginPage, USERS } from "./pages/login.page";
import { signInAs } from "./support/sessions";
import { serverActionId } from "./support/server-actions";

// Server-side sessions, callbackUrl, CSRF and forwarded headers, tried as an attacker would:
// with a copied cookie, a crafted sign-in link, a request without or with another Origin, and a
// forged X-Forwarded-For.

/** A new browser that holds nothing but someone's copied cookies. */
async function replay(browser: Browser, from: BrowserContext): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies(await from.cookies());
  return context.newPage();
}

async function expectRefused(page: Page) {
  await page.goto("/connections");
  await expect(page).toHaveURL(/\/login/);
  const api = await page.request.get("/api/inventory/export?format=json");
  expect(api.status()).toBe(401);
}

test.describe("sessions end on the server", () => {
  test("a cookie copied before sign-out is refused after it", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // A session of its own through the form: the suite's saved operator session must live on.
    const login = new LoginPage(page);
    await login.goto();
    await login.submit(USERS.operator.username, USERS.operator.password);
    await expect(page.getByTestId("signed-in-user")).toHaveText(USERS.operator.name);
    const copied = await replay(browser, context);
    await copied.goto("/connections");
    await expect(copied.getByTestId("signed-in-user")).toHaveText(USERS.operator.name); // the copy works...

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await expectRefused(copied); // ...until its owner signs out
    await context.close();
    await copied.context().close();
  });

  test("a role change ends the user's open sessions at once", async ({ page, browser }) => {
    await signInAs(page, "admin");
    await page.goto("/users");
    await page.getByRole("button", { name: "Create user" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Username").fill("rhea");
    await dialog.getByLabel("Display name").fill("Rhea Replay");
    await dialog.getByLabel("Initial password").fill("rhea-password-e2e");
    await dialog.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByText("rhea can now sign in as viewer.")).toBeVisible();

    const rheaContext = await browser.newContext();
    const rhea = await rheaContext.newPage();
    const login = new LoginPage(rhea);
    await login.goto();
    await login.submit("rhea", "rhea-password-e2e");
    await expect(rhea.getByTestId("signed-in-user")).toHaveText("Rhea Replay");
    const copied = await replay(browser, rheaContext);

    await page.getByTestId("user-row-rhea").getByLabel("Role of rhea").selectOption("operator");
    await expect(page.getByText("rhea is now operator.")).toBeVisible();
    await expectRefused(copied);
    await expectRefused(rhea);
    // Signing in again gives a session with the new role.
    await login.submit("rhea", "rhea-password-e2e");
    await expect(rhea.getByRole("complementary").getByText("operator", { exact: true })).toBeVisible();
    await rheaContext.close();
    await copied.context().close();
  });
});

test.describe("callbackUrl only leads to this site", () => {
  for (const target of [
    "//evil.example/x",
    "/\\evil.example",
    "https://evil.example/",
    "/%2F%2Fevil.example",
  ]) {
    test(`sign-in with callbackUrl=${target} stays here`, async ({ page, baseURL }) => {
      await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
      await new LoginPage(page).submit(USERS.viewer.username, USERS.viewer.password);
      await expect(page.getByTestId("signed-in-user")).toHaveText(USERS.viewer.name);
      expect(new URL(page.url()).origin).toBe(baseURL);
    });
  }

  test("a same-site callbackUrl is kept", async ({ page }) => {
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/audit?outcome=denied")}`);
    await new LoginPage(page).submit(USERS.viewer.username, USERS.viewer.password);
    await expect(page).toHaveURL(/\/audit\?outcome=denied$/);
  });
});

test.describe("requests", () => {
  const deleteCall = (origin?: string) => ({
    headers: {
      "Next-Action": serverActionId("deleteConnectionAction"),
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      ...(origin ? { Origin: origin } : {}),
    },
    data: JSON.stringify([{ id: "00000000-0000-4000-8000-000000000000" }]),
  });

  test("a server action runs only with this site's Origin (CSRF)", async ({ page, baseURL }) => {
    await signInAs(page, "admin");
    const missing = await (await page.request.post("/connections", deleteCall())).text();
    expect(missing).toContain('"code":"bad-origin"');
    const foreign = await page.request.post("/connections", deleteCall("https://evil.example"));
    const foreignBody = await foreign.text();
    // Next.js or the wrapper refuses it; either way the action never ran.
    expect(foreign.status() >= 400 || foreignBody.includes('"code":"bad-origin"')).toBe(true);
    expect(foreignBody).not.toContain('"code":"not-found"');
    // The control: with our Origin the action runs (and finds no such connection).
    const own = await (await page.request.post("/connections", deleteCall(baseURL))).text();
    expect(own).toContain('"code":"not-found"');
  });

  test("a POST route refuses a missing or foreign Origin", async ({ page }) => {
    await signInAs(page, "admin");
    const attempts: Record<string, string>[] = [{}, { Origin: "https://evil.example" }];
    for (const headers of attempts) {
      const response = await page.request.post("/api/inventory/refresh", { headers });
      expect(response.status()).toBe(403);
    }
  });

  test("a forged X-Forwarded-For is not recorded as the audit IP", async ({ browser, page }) => {
    const forged = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.99" } });
    const forgedPage = await forged.newPage();
    const login = new LoginPage(forgedPage);
    await login.goto();
    await login.submit(USERS.viewer.username, USERS.viewer.password);
    await expect(forgedPage.getByTestId("signed-in-user")).toHaveText(USERS.viewer.name);
    await forged.close();

    await signInAs(page, "admin");
    await page.goto("/audit?actor=viewer&action=auth.sign-in");
    const row = page.getByTestId("audit-row").first();
    await expect(row).toContainText("127.0.0.1");
    await expect(page.getByText("203.0.113.99")).toHaveCount(0);
  });

  test("a server action body of the wrong shape gets a clear 400, not a 500", async ({ page, baseURL }) => {
    await signInAs(page, "admin");
    for (const data of ['{"id":"x"}', "not json", "", '"a string"']) {
      const call = deleteCall(baseURL);
      const response = await page.request.post("/connections", { ...call, data });
      expect(response.status(), data).toBe(400);
      expect(await response.json()).toMatchObject({ code: "invalid-body" });
    }
    // The right shape with wrong content is the wrapper's business: named fields, no 500.
    const wrongField = await page.request.post("/connections", {
      ...deleteCall(baseURL),
      data: JSON.stringify([{ id: "not-a-uuid" }]),
    });
    expect(wrongField.status()).toBe(200);
    expect(await wrongField.text()).toContain('"code":"invalid-input"');
  });
});
