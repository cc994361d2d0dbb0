import { expect, type Page } from "@playwright/test";
import { REFRESH_RUN_TIMEOUT } from "../support/timeouts";

/** The alerts page: inventory freshness and "Refresh all", exports, rules, notifications, deliveries. */
export class AlertsPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/alerts");
    await expect(this.page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
  }

  /** Wait until no refresh is running (the server's scheduled one starts shortly after boot). */
  async waitForIdle() {
    await expect
      .poll(
        async () => {
          const body = (await (await this.page.request.get("/api/inventory/refresh")).json()) as {
            data: { run: { finishedAt: string | null } | null };
          };
          return body.data.run === null || body.data.run.finishedAt !== null;
        },
        { timeout: REFRESH_RUN_TIMEOUT },
      )
      .toBe(true);
  }

  /** Click "Refresh all" and wait for the run to finish; returns the progress text. */
  async refreshAll(): Promise<string> {
    await this.waitForIdle();
    await this.page.getByRole("button", { name: "Refresh all" }).click();
    const progress = this.page.getByTestId("refresh-progress");
    await expect(progress).toContainText("Refresh finished", { timeout: REFRESH_RUN_TIMEOUT });
    return (await progress.textContent()) ?? "";
  }

  freshnessRow(connectionName: string) {
    return this.page.getByTestId(`freshness-${connectionName}`);
  }

  exportLink(label: "CSV" | "JSON" | "Calendar (ICS)") {
    return this.page.getByRole("link", { name: label, exact: true });
  }

  /** Add a webhook rule with the default thresholds. */
  async addWebhookRule(rule: {
    name: string;
    url: string;
    secret: string;
    format?: "Generic JSON" | "Slack-compatible";
  }) {
    await this.page.getByRole("button", { name: "Add rule" }).click();
    const dialog = this.page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(rule.name);
    await dialog.getByLabel("Channel").selectOption("webhook");
    await dialog.getByLabel("Webhook URL").fill(rule.url);
    await dialog.getByLabel("Body").selectOption({ label: rule.format ?? "Generic JSON" });
    await dialog.getByLabel("Signing secret").fill(rule.secret);
    await dialog.getByRole("button", { name: "Save rule" }).click();
    await expect(this.page.getByTestId(`alert-rule-${rule.name}`)).toBeVisible();
  }

  async sendTest(ruleName: string) {
    await this.page.getByTestId(`alert-rule-${ruleName}`).getByRole("button", { name: "Send test" }).click();
  }
}
