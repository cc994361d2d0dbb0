import { expect, type Locator, type Page } from "@playwright/test";
import { REFRESH_RUN_TIMEOUT } from "../support/timeouts";

const DAY_MS = 86_400_000;

/** The Overview page: status counts, the expiry timeline, next expiries, drift and stale connections. */
export class OverviewPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/");
    await expect(this.page.getByRole("heading", { name: "Overview", exact: true })).toBeVisible();
    // The page carries the timeline's first screen; every certificate loads after it.
    await expect(this.page.locator('[data-timeline="live"]')).toBeAttached();
  }

  /** "Refresh all" lives with the inventory's freshness on the Alerts page (operator): run it there and wait for the end. */
  async refreshAll() {
    await this.page.getByRole("link", { name: "Freshness, refresh and exports" }).click();
    await this.page.getByRole("button", { name: "Refresh all" }).click();
    await expect(this.page.getByTestId("refresh-progress")).toContainText("Refresh finished", {
      timeout: REFRESH_RUN_TIMEOUT,
    });
  }

  timeline(): Locator {
    return this.page.getByTestId("expiry-timeline");
  }

  /** The scrolling, focusable plot (keyboard, wheel and drag land here). */
  plot(): Locator {
    return this.page.getByTestId("timeline-plot");
  }

  bars(): Locator {
    return this.page.getByTestId("timeline-bar");
  }

  details(): Locator {
    return this.page.getByTestId("timeline-details");
  }

  button(name: string): Locator {
    return this.page
      .getByRole("toolbar", { name: "Timeline controls" })
      .getByRole("button", { name, exact: true });
  }

  /** The visible window in days, from the "Showing … to …" line. */
  async windowDays(): Promise<number> {
    const [start, end] = await this.window();
    return Math.round((end - start) / DAY_MS);
  }

  /** The visible window's first and last day (epoch ms, UTC midnight). */
  async window(): Promise<[number, number]> {
    const text = (await this.page.getByTestId("timeline-window").textContent()) ?? "";
    const match = /Showing (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})/.exec(text);
    expect(match, `window text: ${text}`).not.toBeNull();
    return [Date.parse(match![1]!), Date.parse(match![2]!)];
  }

  /** The bar that has keyboard focus. */
  focusedBar(): Locator {
    return this.page.locator("[data-testid=timeline-bar]:focus");
  }
}
