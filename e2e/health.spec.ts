import { expect, test } from "@playwright/test";

// Probes and static files answer without a session; pages still require one.
test.describe("health, readiness and static files", () => {
  test("health and readiness answer without a session and reveal nothing else", async ({
    playwright,
    baseURL,
  }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const health = await anonymous.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    expect(health.headers()["cache-control"]).toContain("no-store");

    const ready = await anonymous.get("/api/ready");
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toEqual({
      ready: true,
      checks: { database: "ok", migrations: "applied", scheduler: "running" },
    });

    const page = await anonymous.get("/", { maxRedirects: 0 });
    expect(page.status()).toBe(307);
    expect(page.headers()["location"]).toContain("/login");
    await anonymous.dispose();
  });

  test("robots.txt keeps the dashboard out of search engines; manifest and icons are served", async ({
    playwright,
    baseURL,
  }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const robots = await anonymous.get("/robots.txt");
    expect(robots.status()).toBe(200);
    expect(await robots.text()).toMatch(/User-agent: \*\s+Disallow: \//);

    const manifest = await anonymous.get("/manifest.webmanifest");
    expect(manifest.status()).toBe(200);
    const icons = ((await manifest.json()) as { icons: { src: string }[] }).icons;
    expect(icons.length).toBeGreaterThan(1);
    for (const icon of [...icons.map((i) => i.src), "/favicon.ico", "/apple-touch-icon.png"]) {
      const response = await anonymous.get(icon);
      expect(response.status(), icon).toBe(200);
      expect(response.headers()["content-type"], icon).toMatch(/^image\//);
    }
    await anonymous.dispose();
  });

  test("the sign-in page links the manifest and the icons", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
    await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute(
      "href",
      "/apple-touch-icon.png",
    );
  });
});
