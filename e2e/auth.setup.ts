import { expect, test as setup } from "@playwright/test";
import { LoginPage, USERS } from "./pages/login.page";
import { SESSION_ROLES, sessionFile } from "./support/sessions";

// Signs in once per role through the form and saves the session for every journey that needs it
// (playwright.config.ts runs this project first).
for (const role of SESSION_ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.submit(USERS[role].username, USERS[role].password);
    await expect(page.getByTestId("signed-in-user")).toHaveText(USERS[role].name);
    await page.context().storageState({ path: sessionFile(role) });
  });
}
