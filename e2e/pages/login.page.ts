import { expect, type Page } from "@playwright/test";

export const USERS = {
  admin: { username: "admin", password: "admin-password-e2e", name: "Ada Admin" },
  operator: { username: "operator", password: "operator-password-e2e", name: "Oscar Operator" },
  viewer: { username: "viewer", password: "viewer-password-e2e", name: "Vera Viewer" },
  /** Only for the throttling journey, which locks the account. */
  lockout: { username: "lockout", password: "lockout-password-e2e", name: "Lou Lockout" },
} as const;

export type E2eRole = keyof typeof USERS;

/** The sign-in page. */
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

  /** Sign in as one of the seeded users and wait for the dashboard. */
  async signInAs(role: E2eRole) {
    await this.goto();
    await this.submit(USERS[role].username, USERS[role].password);
    await expect(this.page.getByTestId("signed-in-user")).toHaveText(USERS[role].name);
  }

  /** The form's error message (not Next.js's empty route announcer, which is also an alert). */
  error() {
    return this.page.locator("form").getByRole("alert");
  }
}
