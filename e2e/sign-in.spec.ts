import { expect, test } from "@playwright/test";
import { LoginPage, USERS } from "./pages/login.page";

test.describe("sign-in", () => {
  test("an admin signs in, lands on the overview and signs out", async ({ page }) => {
    await page.goto("/connections");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fconnections/);
    const login = new LoginPage(page);
    await login.submit(USERS.admin.username, USERS.admin.password);
    await expect(page).toHaveURL(/\/connections$/);
    await expect(page.getByTestId("signed-in-user")).toHaveText(USERS.admin.name);
    const session = (await page.context().cookies()).find((c) => c.name.includes("next-auth.session-token"));
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    await page.getByRole("link", { name: "Overview" }).click();
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a wrong password and an unknown user get the same message", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.submit(USERS.operator.username, "not-the-password");
    await expect(login.error()).toHaveText(/username or password is not right/);
    const wrongPassword = await login.error().textContent();
    await login.submit("no-such-user", "not-the-password");
    await expect(login.error()).toHaveText(wrongPassword!);
    await expect(page).toHaveURL(/\/login/);
  });

  test("repeated failures lock the name, without saying whether it exists", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    for (const name of ["ghost-user", USERS.lockout.username]) {
      for (let attempt = 1; attempt <= 5; attempt++) await login.submit(name, `wrong-${attempt}`);
      await expect(login.error()).toHaveText(/Too many failed attempts/);
    }
    // Even the right password is refused while the lock lasts.
    await login.submit(USERS.lockout.username, USERS.lockout.password);
    await expect(login.error()).toHaveText(/Too many failed attempts/);
  });

  test("pages carry a strict Content-Security-Policy and no X-Powered-By", async ({ request }) => {
    const response = await request.get("/login");
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-powered-by"]).toBeUndefined();
  });
});

// Before the page's scripts run (a slow phone, a script blocked), the browser would submit the form
// by itself: a GET with the password in the URL, into history, proxy and access logs.
test.describe("sign-in before the page's scripts run", () => {
  test.use({ javaScriptEnabled: false });

  test("the form cannot be sent, by click or Enter, and the password reaches no URL", async ({ page }) => {
    const sent: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "document") sent.push(`${request.method()} ${request.url()}`);
    });
    await page.goto("/login?callbackUrl=%2Fcertificates");
    sent.length = 0;
    await page.getByLabel("Username").fill(USERS.operator.username);
    await page.getByLabel("Password").fill(USERS.operator.password);
    const button = page.getByRole("button", { name: "Sign in", exact: true });
    await expect(button).toBeDisabled();
    // A browser with scripts turned off shows the page's <noscript> note (Chromium driven with
    // scripts disabled still parses <noscript> as text, so the page's source is checked).
    expect(await page.content()).toMatch(
      /<noscript>[^]*Trustdeck needs JavaScript to sign in\.[^]*<\/noscript>/,
    );
    await page.getByLabel("Password").press("Enter");
    await page.getByLabel("Username").press("Enter");
    await expect(page.locator("form")).toHaveAttribute("method", "post");
    // Playwright waits for a navigation an action starts; none was started.
    expect(sent).toEqual([]);
    expect(page.url()).not.toContain(USERS.operator.password);
    expect(new URL(page.url()).pathname).toBe("/login");
  });
});
