import { expect, test } from "@playwright/test";
import { LoginPage } from "./pages/login.page";
import { signInAs } from "./support/sessions";

test("an admin creates a user, changes the role, disables the account; the user is then refused", async ({
  page,
  browser,
}) => {
  await signInAs(page, "admin");
  await page.getByRole("link", { name: "Users" }).click();
  await page.getByRole("button", { name: "Create user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Username").fill("Nina");
  await dialog.getByLabel("Display name").fill("Nina New");
  await dialog.getByLabel("Initial password").fill("short");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog.getByText("Use at least 12 characters.")).toBeVisible();
  await dialog.getByLabel("Initial password").fill("nina-password-e2e");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText("nina can now sign in as viewer.")).toBeVisible();

  const row = page.getByTestId("user-row-nina");
  await row.getByLabel("Role of nina").selectOption("operator");
  await expect(page.getByText("nina is now operator.")).toBeVisible();

  // Nina signs in, then is disabled: her next request is refused.
  const ninaContext = await browser.newContext();
  const ninaPage = await ninaContext.newPage();
  const ninaLogin = new LoginPage(ninaPage);
  await ninaLogin.goto();
  await ninaLogin.submit("nina", "nina-password-e2e");
  await expect(ninaPage.getByTestId("signed-in-user")).toHaveText("Nina New");
  await expect(ninaPage.getByRole("complementary").getByText("operator", { exact: true })).toBeVisible();

  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row).toContainText("Disabled");
  await ninaPage.goto("/connections");
  await expect(ninaPage).toHaveURL(/\/login/);
  await ninaLogin.submit("nina", "nina-password-e2e");
  await expect(ninaLogin.error()).toHaveText(/username or password is not right/);
  await ninaContext.close();

  // The admin cannot lock themselves out.
  await expect(page.getByTestId("user-row-admin").getByLabel("Role of admin")).toBeDisabled();
  await page.goto("/audit?action=user.");
  await expect(page.getByTestId("audit-row").filter({ hasText: "user.set-disabled" })).toHaveCount(1);
  // Other journeys change roles too: count the rows about nina.
  await expect(
    page.getByTestId("audit-row").filter({ hasText: "user.change-role" }).filter({ hasText: "nina" }),
  ).toHaveCount(1);
});
