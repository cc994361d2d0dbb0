import { expect, type Page } from "@playwright/test";

/** The connections page and its add/edit dialog. */
export class ConnectionsPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/connections");
    await expect(this.page.getByRole("heading", { name: "Connections" })).toBeVisible();
  }

  addButton() {
    return this.page.getByRole("button", { name: "Add connection" });
  }

  row(name: string) {
    return this.page.getByTestId(`connection-row-${name}`);
  }

  async addCloudflare(values: { name: string; accountId: string; apiToken: string; baseUrl?: string }) {
    await this.addButton().click();
    const dialog = this.page.getByRole("dialog");
    await dialog.getByLabel("Vendor").selectOption("cloudflare");
    await dialog.getByLabel("Name", { exact: true }).fill(values.name);
    if (values.baseUrl) await dialog.getByLabel("API base URL").fill(values.baseUrl);
    await dialog.getByLabel("Account ID").fill(values.accountId);
    await dialog.getByLabel("API token").fill(values.apiToken);
    await dialog.getByRole("button", { name: "Add connection" }).click();
  }

  /**
   * Add a connection of any vendor: `choices` are selects (label → option value), `fields` text
   * inputs (label → value), both by their exact labels.
   */
  async add(
    vendor: "uipath" | "cloudflare" | "huawei",
    name: string,
    choices: Record<string, string>,
    fields: Record<string, string>,
  ) {
    await this.addButton().click();
    const dialog = this.page.getByRole("dialog");
    await dialog.getByLabel("Vendor").selectOption(vendor);
    await dialog.getByLabel("Name", { exact: true }).fill(name);
    for (const [label, value] of Object.entries(choices))
      await dialog.getByLabel(label, { exact: true }).selectOption(value);
    for (const [label, value] of Object.entries(fields))
      await dialog.getByLabel(label, { exact: true }).fill(value);
    await dialog.getByRole("button", { name: "Add connection" }).click();
    await expect(this.page.getByText(`Connection “${name}” added.`)).toBeVisible();
  }

  /** Delete a connection through its row, confirming the dialog. */
  async remove(name: string) {
    await this.row(name).getByRole("button", { name: "Delete" }).click();
    await this.page.getByRole("dialog").getByRole("button", { name: "Delete connection" }).click();
    await expect(this.row(name)).toHaveCount(0);
  }
}
