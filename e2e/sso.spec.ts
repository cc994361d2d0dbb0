import { expect, test, type Page } from "@playwright/test";

// The browser meets the sandbox IdP on https://localhost with a certificate from the sandbox's
// local CA, which Chromium does not know. The dashboard's own calls to the IdP (discovery, token,
// JWKS) do verify it, through NODE_EXTRA_CA_CERTS.
test.use({ ignoreHTTPSErrors: true });

const IDP_PASSWORD = "sandbox-password";

/** Starts single sign-on from the dashboard's sign-in page and goes through the IdP's pages. */
async function signInThroughIdp(page: Page, username: string) {
  await page.goto("/login");
  const authorize = page.waitForRequest((r) => new URL(r.url()).pathname.endsWith("/idp/auth"));
  await page.getByRole("button", { name: "Sign in with Sandbox IdP" }).click();
  const params = new URL((await authorize).url()).searchParams;
  // Authorization code flow with PKCE (S256) and state.
  expect(params.get("response_type")).toBe("code");
  expect(params.get("code_challenge_method")).toBe("S256");
  expect(params.get("code_challenge")).toMatch(/^[\w-]{43}$/);
  expect(params.get("state")).toBeTruthy();
  expect(params.get("scope")?.split(" ")).toContain("groups");

  await expect(page.getByRole("heading", { name: "Sandbox IdP sign-in" })).toBeVisible();
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(IDP_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Allow access?" })).toBeVisible();
  await page.getByRole("button", { name: "Allow" }).click();
}

test.describe("single sign-on through the sandbox IdP", () => {
  test("an operator signs in with the role their group maps to, sees no Users link, and signs out", async ({
    page,
  }) => {
    await signInThroughIdp(page, "otto");
    await expect(page.getByTestId("signed-in-user")).toHaveText("Otto Operator");
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
    await page.goto("/users");
    await expect(page.getByText("Not available for your role")).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2F$/);
  });

  test("an admin (groups claim with several values) sees the Users page", async ({ page }) => {
    await signInThroughIdp(page, "ines");
    await expect(page.getByTestId("signed-in-user")).toHaveText("Ines Admin");
    await page.getByRole("link", { name: "Users" }).click();
    // Provisioned at the first sign-in with the mapped role.
    const row = page.getByRole("row").filter({ hasText: "ines@idp.example.test" });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("admin");
  });

  test("a user in no Trustdeck group is refused with a generic page that discloses no role map", async ({
    page,
  }) => {
    await signInThroughIdp(page, "nils");
    await expect(page).toHaveURL(/\/sso-refused$/);
    await expect(page.getByRole("heading", { name: "No access to Trustdeck" })).toBeVisible();
    await expect(
      page.getByText(
        "Your account at Sandbox IdP has no Trustdeck role. Ask a Trustdeck administrator for access.",
      ),
    ).toBeVisible();
    // The page is open to anyone: no mapped group name and no role appears on it.
    const text = await page.locator("body").innerText();
    for (const group of ["trustdeck-admins", "trustdeck-operators", "trustdeck-viewers"])
      expect(text).not.toContain(group);
    expect(text).not.toMatch(/\((admin|operator|viewer)\)/);
    const html = await (await page.request.get("/sso-refused")).text();
    expect(html).not.toContain("trustdeck-admins");
    // No session was opened.
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });
});
