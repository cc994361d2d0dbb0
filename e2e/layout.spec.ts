import { expect, test, type Browser, type Page } from "@playwright/test";
import { ConnectionsPage } from "./pages/connections.page";
import { OverviewPage } from "./pages/overview.page";
import { sandboxConnections } from "./support/sandbox";
import { signInAs } from "./support/sessions";
import { LONG_JOURNEY_TIMEOUT } from "./support/timeouts";

// A laptop screen (and a tablet held sideways): every page fits it without scrolling sideways.
test.use({ viewport: { width: 1024, height: 768 } });

/** A name of the longest kind allowed (80 characters), with separators: it must wrap, not widen. */
const LONG_NAME = "layout-check_prod.identity/saml-signing:rotation-2026-secondary-backup-" + "x".repeat(9);

/** What scrolls the document sideways, with the elements that stick out (for the failure message). */
async function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const sticking = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1)
      .filter((element) => !element.parentElement?.closest("[data-overflow-probe]"))
      .slice(0, 5)
      .map((element) => {
        const label = element.getAttribute("data-testid") ?? element.className.toString().slice(0, 60);
        return `<${element.tagName.toLowerCase()} ${label}> right=${Math.round(element.getBoundingClientRect().right)}`;
      });
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, sticking };
  });
}

async function expectNoSidewaysScroll(page: Page) {
  await page.waitForLoadState("load");
  const overflow = await horizontalOverflow(page);
  expect(
    overflow.scrollWidth,
    `${page.url()} scrolls sideways: ${overflow.sticking.join(", ")}`,
  ).toBeLessThanOrEqual(overflow.clientWidth);
}

/** The inventory holds the sandbox's demo certificates (e2e turns the scheduled refresh off). */
async function refreshAsOperator(browser: Browser): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signInAs(page, "operator");
    const overview = new OverviewPage(page);
    await overview.goto();
    await overview.refreshAll();
  } finally {
    await context.close();
  }
}

/** The href of the first link on `listPath` whose target starts with `prefix` and goes deeper. */
async function firstLinkUnder(page: Page, listPath: string, prefix: string): Promise<string> {
  await page.goto(listPath);
  const link = page.locator(`main a[href^="${prefix}"]`).first();
  await expect(link).toBeVisible();
  return (await link.getAttribute("href"))!;
}

test.describe("layout at 1024 px", () => {
  test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT });
  test.beforeAll(async ({ browser }) => refreshAsOperator(browser));

  test("no dashboard page scrolls sideways", async ({ page }) => {
    await signInAs(page, "admin");
    const setPage = await firstLinkUnder(page, "/certificates", "/certificates/");
    const applicationPage = await firstLinkUnder(page, "/federated-credentials", "/federated-credentials/");
    const pages = [
      "/",
      "/certificates",
      setPage,
      "/federated-credentials",
      applicationPage,
      "/connections",
      "/alerts",
      "/audit",
      "/users",
    ];
    for (const path of pages) {
      await page.goto(path);
      await expect(page.locator("main h1").first()).toBeVisible();
      await expectNoSidewaysScroll(page);
    }
  });

  test("a long connection name wraps at its separators instead of overflowing", async ({ page }) => {
    await signInAs(page, "admin");
    const cloudflare = sandboxConnections().find((c) => c.vendor === "cloudflare")!;
    const connections = new ConnectionsPage(page);
    await connections.goto();
    await connections.addCloudflare({
      name: LONG_NAME,
      baseUrl: cloudflare.baseUrl,
      accountId: cloudflare.accountId!,
      apiToken: cloudflare.apiToken!,
    });
    try {
      const row = connections.row(LONG_NAME);
      await expect(row).toBeVisible();
      await expectNoSidewaysScroll(page);
      const cell = row.getByText(LONG_NAME).first();
      const box = await cell.evaluate((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return {
          lines: range.getClientRects().length,
          overflows: element.scrollWidth > element.clientWidth + 1,
        };
      });
      expect(box.overflows).toBe(false);
      expect(box.lines).toBeGreaterThan(1); // wrapped, not cut off or stretched

      // The name reaches the other pages that show connections.
      for (const path of ["/alerts", "/"]) {
        await page.goto(path);
        await expectNoSidewaysScroll(page);
      }
    } finally {
      await connections.goto();
      await connections.remove(LONG_NAME);
    }
  });
});
