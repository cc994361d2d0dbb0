import { expect, test } from "@playwright/test";
import { CertificatesPage } from "./pages/certificates.page";
import { LoginPage, USERS } from "./pages/login.page";
import { sandboxControl } from "./support/sandbox";
import { signInAs } from "./support/sessions";

const CLOUDFLARE = "Acme Corp (sandbox)";

test.describe("an ended session", () => {
  test.beforeEach(async () => {
    await sandboxControl("cloudflare", "reset", {});
  });

  test("a write after the session was removed mid-dialog is told, and sign-in returns to the page", async ({
    page,
  }) => {
    await signInAs(page, "operator");
    const certificates = new CertificatesPage(page);
    await certificates.openSet(CLOUDFLARE);
    const setPath = new URL(page.url()).pathname;
    const dialog = await certificates.startAction("Rotate");

    await page.context().clearCookies();
    await dialog.getByRole("button", { name: "Confirm: rotate" }).click();

    await expect(dialog.getByText("Your session ended — sign in again")).toBeVisible();
    const link = dialog.getByRole("link", { name: "Sign in again" });
    await expect(link).toHaveAttribute("href", `/login?${new URLSearchParams({ callbackUrl: setPath })}`);
    // Nothing reached the vendor.
    const { requests } = (await sandboxControl("cloudflare", "requests")) as {
      requests: { method: string; path: string }[];
    };
    expect(requests.filter((r) => r.method === "POST" && r.path.endsWith("/rotate"))).toEqual([]);

    await link.click();
    const login = new LoginPage(page);
    await login.submit(USERS.operator.username, USERS.operator.password);
    await expect(page).toHaveURL((url) => url.pathname === setPath);
    await expect(page.getByTestId("signed-in-user")).toHaveText(USERS.operator.name);
  });

  test("a refresh after the session ended says so, never a parse error", async ({ page }) => {
    await signInAs(page, "viewer");
    const certificates = new CertificatesPage(page);
    await certificates.gotoList();
    await page.context().clearCookies();
    await page.getByRole("button", { name: "Refresh this connection" }).first().click();
    await expect(page.getByText("Your session ended — sign in again").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Sign in again" }).first()).toHaveAttribute(
      "href",
      `/login?${new URLSearchParams({ callbackUrl: "/certificates" })}`,
    );
    await expect(page.getByText(/Unexpected token|not valid JSON/)).toHaveCount(0);
  });
});
