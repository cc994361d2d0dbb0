import type { Page } from "@playwright/test";

export const USERS = {
  admin: { username: "admin", password: "admin-password-e2e", name: "Ada Admin" },
  operator: { username: "operator", password: "operator-password-e2e", name: "Oscar Operator" },
  viewer: { username: "viewer", password: "viewer-password-e2e", name: "Vera Viewer" },
  /** Only for the throttling journey, which locks the account. */
  lockout: { username: "lockout", password: "lockout-password-e2e", name: "Lou Lockout" },
} as const;

/** The sign-in page. Journeys start from saved sessions (support/sessions.ts); this is for the form itself. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/login");
  }

  async submit(username: string, password: string) {
    await this.page.getByLabel("Username").fill(username);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }

  /** The form's error message (not Next.js's empty route announcer, which is also an alert). */
  error() {
    return this.page.locator("form").getByRole("alert");
  }
}
