import { expect, type Locator, type Page } from "@playwright/test";

/** The federated credentials pages: overview, application page with the tester, credential page. */
export class FederatedCredentialsPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/federated-credentials");
    await expect(this.page.getByRole("heading", { name: "Federated credentials", level: 1 })).toBeVisible();
  }

  /** The card of an external application (on the overview, within one connection). */
  application(name: string, connection?: string): Locator {
    const scope = connection ? this.page.getByTestId(`federation-${connection}`) : this.page;
    return scope.getByTestId(`application-${name}`);
  }

  meter(application: Locator): Locator {
    return application.getByTestId("capacity-meter");
  }

  credentialRow(application: Locator, name: string): Locator {
    return application.getByTestId(`credential-row-${name}`);
  }

  async openApplication(name: string, connection: string) {
    await this.application(name, connection).getByRole("link", { name, exact: true }).click();
    await expect(this.page.getByRole("heading", { name, level: 1 })).toBeVisible();
  }

  /** Opens the add dialog of an application and returns it. */
  async startAdd(application: Locator): Promise<Locator> {
    await application.getByRole("button", { name: "Add credential" }).click();
    const dialog = this.page.getByRole("dialog");
    await expect(dialog.getByRole("heading", { name: "Add a federated credential" })).toBeVisible();
    return dialog;
  }

  /** Fills the GitHub Actions template (the form's default template). */
  async fillGithub(
    dialog: Locator,
    values: { name: string; issuer: string; owner: string; repo: string; branch: string },
  ) {
    await expect(dialog.getByLabel("Template")).toHaveValue("github-actions");
    await dialog.getByLabel("Name", { exact: true }).fill(values.name);
    await dialog.getByLabel("Issuer", { exact: true }).fill(values.issuer);
    await dialog.getByLabel("Owner").fill(values.owner);
    await dialog.getByLabel("Repository").fill(values.repo);
    await dialog.getByLabel("Trigger").selectOption("branch");
    await dialog.getByLabel("Branch", { exact: true }).fill(values.branch);
  }

  /** The tester on an application's page. */
  tester() {
    const page = this.page;
    return {
      async paste(token: string) {
        await page.getByLabel("JWT to test").fill(token);
      },
      verdict(credential: string): Locator {
        return page.locator(`[data-testid="verdict"][data-credential="${credential}"]`);
      },
      check(credential: string, claim: string): Locator {
        return page.locator(
          `[data-testid="verdict"][data-credential="${credential}"] [data-claim="${claim}"]`,
        );
      },
      summary(): Locator {
        return page.getByTestId("verdict-summary");
      },
      async exchange() {
        await page.getByRole("button", { name: "Exchange for a token" }).click();
      },
    };
  }
}
