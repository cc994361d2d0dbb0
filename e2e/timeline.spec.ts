import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAs } from "./support/sessions";
import { LONG_JOURNEY_TIMEOUT } from "./support/timeouts";
import { OverviewPage } from "./pages/overview.page";

/**
 * Fill the inventory snapshot with the sandbox's demo certificates: e2e turns the scheduled
 * refresh off, and a viewer may not refresh, so an operator presses "Refresh all" once.
 */
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

/** Signed in as a viewer, on an Overview whose snapshot holds the sandbox's demo certificates. */
async function openOverview(page: Page): Promise<OverviewPage> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAs(page, "viewer");
  const overview = new OverviewPage(page);
  await overview.goto();
  await expect(overview.bars().first()).toBeVisible();
  return overview;
}

test.describe("expiry timeline", () => {
  test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT }); // beforeAll runs a refresh
  test.beforeAll(async ({ browser }) => refreshAsOperator(browser));

  // A hydration mismatch or a render error shows up here (React reports both to the console).
  let errors: string[] = [];
  test.beforeEach(({ page }) => {
    errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
  });
  test.afterEach(() => {
    expect(errors).toEqual([]);
  });

  test("counts and presets; zoom and pan with buttons, wheel and drag", async ({ page }) => {
    const overview = await openOverview(page);
    for (const status of ["expired", "lt7", "lt30", "lt60", "ok", "inactive"])
      await expect(page.getByTestId(`status-count-${status}`)).toBeVisible();
    await expect(page.getByTestId("status-count-expired")).not.toContainText(/^Expired\s*0/);
    await expect(page.getByTestId("next-expiry-row")).toHaveCount(10);

    await expect(overview.button("1 year")).toHaveAttribute("aria-pressed", "true");
    expect(await overview.windowDays()).toBe(365);
    await overview.button("90 days").click();
    await expect(overview.button("90 days")).toHaveAttribute("aria-pressed", "true");
    expect(await overview.windowDays()).toBe(90);
    await overview.button("3 years").click();
    expect(await overview.windowDays()).toBe(1095);

    await overview.button("Zoom in").click();
    await expect.poll(() => overview.windowDays()).toBe(730);
    await expect(overview.button("3 years")).toHaveAttribute("aria-pressed", "false");
    await overview.button("Zoom out").click();
    await expect.poll(() => overview.windowDays()).toBe(1095);
    const [start] = await overview.window();
    await overview.button("Later").click();
    await expect.poll(async () => (await overview.window())[0]).toBeGreaterThan(start);

    // Ctrl + wheel zooms at the pointer; a plain drag moves the window in time.
    const box = (await overview.plot().boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2);
    await page.keyboard.down("Control");
    await page.mouse.wheel(0, -400);
    await page.keyboard.up("Control");
    await expect.poll(() => overview.windowDays()).toBeLessThan(1000);
    const [beforeDrag] = await overview.window();
    // Across a group heading: a drag is not a click, so the group stays open.
    const heading = overview.timeline().getByRole("button", { name: /^UiPath Automation Cloud/ });
    const y = box.y + 55;
    await page.mouse.move(box.x + box.width * 0.8, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, y, { steps: 6 });
    await page.mouse.up();
    await expect.poll(async () => (await overview.window())[0]).toBeGreaterThan(beforeDrag);
    await expect(heading).toHaveAttribute("aria-expanded", "true");
    await expect(page).toHaveURL(/\/$/);
  });

  test("the keyboard moves between certificates, zooms, pans and opens a set", async ({ page }) => {
    const overview = await openOverview(page);
    await overview.plot().focus();
    await page.keyboard.press("ArrowDown");
    await expect(overview.focusedBar()).toHaveCount(1);
    const first = await overview.focusedBar().getAttribute("data-key");
    await expect(overview.details()).toContainText("SHA-256");
    await page.keyboard.press("ArrowDown");
    await expect(overview.focusedBar()).not.toHaveAttribute("data-key", first!);
    const label = (await overview.focusedBar().getAttribute("aria-label"))!;
    const subject = label.split(" in ")[0]!;
    await expect(overview.details()).toContainText(subject);

    await page.keyboard.press("1");
    await expect(overview.button("90 days")).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("+");
    await expect.poll(() => overview.windowDays()).toBe(60);
    await page.keyboard.press("-");
    await expect.poll(() => overview.windowDays()).toBe(90);
    const [start] = await overview.window();
    await page.keyboard.press("ArrowRight");
    await expect.poll(async () => (await overview.window())[0]).toBe(start + 9 * 86_400_000);
    await page.keyboard.press("3");
    await expect(overview.button("3 years")).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("End");
    await expect(overview.focusedBar()).toHaveCount(1);
    await page.keyboard.press("Home");
    await expect(overview.focusedBar()).toHaveAttribute("data-key", first!);

    const href = await overview.focusedBar().getAttribute("href");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${href!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    await expect(page.getByRole("link", { name: "← All certificates" })).toBeVisible();
  });

  test("hover shows a certificate, groups collapse, and a click opens its set", async ({ page }) => {
    const overview = await openOverview(page);
    const bar = overview.bars().first();
    await bar.hover();
    const label = (await bar.getAttribute("aria-label"))!;
    await expect(overview.details()).toContainText(label.split(" in ")[0]!);
    await expect(overview.details()).toContainText(
      /expires in \d+ days?|expired \d+ days? ago|expired today|expires today/,
    );

    const vendor = overview.timeline().getByRole("button", { name: /^UiPath Automation Cloud/ });
    await expect(vendor).toHaveAttribute("aria-expanded", "true");
    const lanes = await page.getByTestId("timeline-lane").count();
    await vendor.click();
    await expect(vendor).toHaveAttribute("aria-expanded", "false");
    await expect.poll(() => page.getByTestId("timeline-lane").count()).not.toBe(lanes);
    await overview.button("Collapse all").click();
    await expect(page.getByTestId("timeline-lane")).toHaveCount(0);
    await overview.button("Expand all").click();
    await expect(page.getByTestId("timeline-lane").first()).toBeVisible();

    const target = overview
      .bars()
      .filter({ hasNot: page.locator("[aria-label*='outside the window']") })
      .first();
    const href = (await target.getAttribute("href"))!;
    await target.click();
    await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    await expect(page.getByRole("link", { name: "← All certificates" })).toBeVisible();
  });

  test("the page carries the timeline's first screen; every certificate comes after it, to a session only, without PEMs", async ({
    page,
    browser,
  }) => {
    const overview = await openOverview(page);
    const api = await page.request.get("/api/timeline");
    expect(api.status()).toBe(200);
    const text = await api.text();
    expect(text).not.toContain("BEGIN CERTIFICATE");
    const { data } = JSON.parse(text) as { data: { certificates: { vendor: string; setHref: string }[] } };
    expect(data.certificates.length).toBeGreaterThan(0);
    expect((await (await page.request.get("/")).text()).includes("BEGIN CERTIFICATE")).toBe(false);

    // Every vendor of the inventory has its heading once all certificates are in.
    await overview.button("Collapse all").click();
    const vendors = new Set(data.certificates.map((c) => c.vendor));
    await expect(overview.timeline().getByRole("button", { expanded: false })).toHaveCount(vendors.size);

    const stranger = await browser.newContext();
    try {
      const refused = await stranger.request.get(new URL("/api/timeline", page.url()).href);
      expect(refused.status()).toBe(401);
      expect(await refused.text()).not.toContain(data.certificates[0]!.setHref);
    } finally {
      await stranger.close();
    }
  });
});
