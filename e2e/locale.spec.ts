import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/sessions";

// The browser sits in another time zone (UTC+14) and locale than the server: every page must render
// the same text on both sides (no React hydration error #418) and log no error at all.
test.use({ timezoneId: "Pacific/Kiritimati", locale: "de-DE" });

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console on ${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page error on ${page.url()}: ${error.message}`));
  return errors;
}

async function firstHref(page: Page, path: string, links: string): Promise<string> {
  await page.goto(path);
  const link = page.locator(links).first();
  await expect(link).toBeVisible();
  return (await link.getAttribute("href"))!;
}

test("every page renders without console or page errors in another time zone and locale", async ({
  page,
}) => {
  const errors = collectErrors(page);
  await signInAs(page, "admin");
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
    "Pacific/Kiritimati",
  );

  const setHref = await firstHref(
    page,
    "/certificates",
    '[data-testid="certificate-set-row"] a[href^="/certificates/"]',
  );
  const applicationHref = await firstHref(
    page,
    "/federated-credentials",
    '[data-testid^="application-"] a[href^="/federated-credentials/"]',
  );
  const pages = [
    "/",
    "/certificates",
    setHref,
    "/federated-credentials",
    applicationHref,
    "/connections",
    "/users",
    "/audit",
    "/alerts",
  ];
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByTestId("signed-in-user")).toBeVisible();
    await expect(page.locator("main").getByRole("heading").first()).toBeVisible();
    // Hydration and its first client reads are done (React reports #418 while hydrating).
    await page.waitForLoadState("networkidle");
  }
  expect(errors).toEqual([]);
});
