import { expect, type Locator, type Page } from "@playwright/test";

/** The certificate list and a set's detail page. */
export class CertificatesPage {
  constructor(private readonly page: Page) {}

  async gotoList(query = "") {
    await this.page.goto(`/certificates${query}`);
    await expect(this.page.getByRole("heading", { name: "Certificates", exact: true })).toBeVisible();
    // The server's first screenful is replaced by the interactive list once it has loaded its data.
    await expect(this.page.locator('[data-certificate-list="live"]')).toBeAttached();
  }

  rows(): Locator {
    return this.page.getByTestId("certificate-set-row");
  }

  /** Open the first set of a connection whose row also contains `text`. */
  async openSet(connectionName: string, text?: string) {
    await this.gotoList();
    const row = this.rows()
      .filter({ hasText: connectionName })
      .filter({ hasText: text ?? "" })
      .first();
    await row.getByRole("link").click();
    await expect(this.page.getByRole("link", { name: "← All certificates" })).toBeVisible();
  }

  slot(name: string): Locator {
    return this.page.getByTestId(`slot-${name}`);
  }

  async startAction(name: string) {
    await this.page
      .getByRole("toolbar", { name: "Changes to this set" })
      .getByRole("button", { name })
      .click();
    return this.page.getByRole("dialog");
  }

  notice(): Locator {
    return this.page
      .locator("main")
      .getByRole("status")
      .or(this.page.locator("main").getByRole("alert"))
      .first();
  }
}
