import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sessions";
import { ConnectionsPage } from "./pages/connections.page";

// A name that reads "Payroll exe.pdf" but holds a right-to-left override and a zero-width space.
const NAME = `Payroll \u202Efdp.exe\u202C look\u200Balike ${Date.now() % 100_000}`;

test("bidi-control and zero-width characters in a name are marked; a refused duplicate is in the audit log", async ({
  page,
}) => {
  await signInAs(page, "admin");
  const connections = new ConnectionsPage(page);
  await connections.goto();
  const account = { accountId: "0123456789abcdef0123456789abcdef", apiToken: "look-alike-e2e-token" };
  await connections.addCloudflare({ name: NAME, ...account });
  const row = connections.row(NAME);
  await expect(row).toContainText("⟨U+202E⟩");
  await expect(row).toContainText("⟨U+200B⟩");
  await expect(row.locator("mark[data-hidden-character='U+202E']")).toHaveAttribute(
    "title",
    /RIGHT-TO-LEFT OVERRIDE/,
  );

  // The same name again is refused by a rule, and that refusal is audited too.
  await connections.addCloudflare({ name: NAME, ...account });
  await expect(
    page
      .getByRole("dialog")
      .getByText(/already exists/)
      .first(),
  ).toBeVisible();
  await page.keyboard.press("Escape");

  await page.goto("/audit?action=connection.create");
  const rows = page.getByTestId("audit-row").filter({ hasText: "⟨U+202E⟩" });
  await expect(rows.filter({ hasText: "denied" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "success" })).toHaveCount(1);
});
