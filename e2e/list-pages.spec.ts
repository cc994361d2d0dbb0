import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { CertificatesPage } from "./pages/certificates.page";
import { FederatedCredentialsPage } from "./pages/federated.page";
import { sandboxConnections, sandboxControl } from "./support/sandbox";
import { signInAs } from "./support/sessions";
import { LONG_JOURNEY_TIMEOUT } from "./support/timeouts";

const CLOUDFLARE = "Acme Corp (sandbox)";
const BULK = 2_000;

/** The e2e server's database (scripts/e2e-server.mjs), for seeding the inventory directly. */
function e2eDatabase(): pg.Client {
  return new pg.Client({
    connectionString:
      process.env.E2E_DATABASE_URL ??
      `postgres://postgres:trustdeck-test@127.0.0.1:${process.env.E2E_PG_PORT ?? 54330}/trustdeck_e2e`,
  });
}

/** `BULK` one-certificate sets in the inventory of a connection, named "Bulk set 0000" … */
async function seedBulkSets(db: pg.Client, connectionId: string) {
  const numbers = Array.from({ length: BULK }, (_, i) => String(i).padStart(4, "0"));
  const sha = numbers.map((n) => (n + "AB".repeat(30)).slice(0, 64));
  const day = 86_400_000;
  await db.query(
    `INSERT INTO inventory_certificates (key, connection_id, vendor, set_id, set_label, set_kind, slot,
       sha256, sha1, subject, issuer, serial_number, not_before, not_after, key_algorithm,
       signature_algorithm, pem, first_seen_at, last_seen_at)
     SELECT $1 || '/bulk-' || n || '/' || sha, $1::uuid, 'cloudflare', 'bulk-' || n, 'Bulk set ' || n,
       'cloudflare-saml', 'current', sha, left(sha, 40), 'CN=bulk-' || n, 'CN=bulk-' || n, '01',
       now() - interval '1 day', not_after, 'RSA', 'sha256WithRSAEncryption', 'not a PEM: bulk test row',
       now(), now()
     FROM unnest($2::text[], $3::text[], $4::timestamptz[]) AS t(n, sha, not_after)`,
    [connectionId, numbers, sha, numbers.map((_, i) => new Date(Date.now() + (30 + i) * day).toISOString())],
  );
}

type Logged = { service: string; method: string; path: string; query: string };

/** Every vendor request the sandbox logged since the last clear (one log for all vendors). */
async function vendorRequests(): Promise<Logged[]> {
  const { requests } = (await sandboxControl("uipath", "requests")) as { requests: Logged[] };
  return requests.filter((r) => r.service !== "issuers");
}
const clearRequests = () => sandboxControl("uipath", "requests", undefined, "DELETE");

/** Open both list pages until every connection has been read once (a new connection is read on first view). */
async function readEveryConnectionOnce(page: Page) {
  const certificates = new CertificatesPage(page);
  await certificates.gotoList();
  const cards = page.locator('[data-testid^="connection-status-"]');
  await expect(cards.first()).toBeVisible();
  for (const card of await cards.all()) await expect(card).not.toContainText("not read yet");
  await new FederatedCredentialsPage(page).goto();
  await expect(page.getByRole("button", { name: "Refresh this connection" }).first()).toBeVisible();
  await expect(page.getByText("The first read of this connection is under way…")).toHaveCount(0);
}

/** A tab put in the background and brought back, as React Query sees it. */
async function refocus(page: Page) {
  await page.evaluate(() => {
    for (const state of ["hidden", "visible"]) {
      Object.defineProperty(document, "visibilityState", { value: state, configurable: true });
      window.dispatchEvent(new Event("visibilitychange"));
    }
  });
}

test.describe("list pages read the inventory", () => {
  test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT }); // first reads of every connection
  test.beforeEach(async () => {
    for (const vendor of ["uipath", "cloudflare", "huawei"] as const)
      await sandboxControl(vendor, "reset", {});
  });

  test("viewing the lists and refocusing the tab call no vendor; the HTML carries no PEM", async ({
    page,
  }) => {
    await page.clock.install();
    await signInAs(page, "viewer");
    await readEveryConnectionOnce(page);
    await clearRequests();

    const certificates = new CertificatesPage(page);
    for (let view = 0; view < 3; view++) {
      await certificates.gotoList();
      await expect(certificates.rows().first()).toBeVisible();
      await new FederatedCredentialsPage(page).goto();
      await expect(page.locator('[data-testid^="application-"]').first()).toBeVisible();
    }
    await certificates.gotoList();
    // Past the list's freshness window, a refocused tab refetches — from the inventory.
    await page.clock.fastForward(61_000);
    const refetched = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/certificates");
    await refocus(page);
    expect((await refetched).status()).toBe(200);
    await expect(certificates.rows().first()).toBeVisible();
    expect(await vendorRequests()).toEqual([]);

    const html = await (await page.request.get("/certificates")).text();
    expect(html).toContain('data-testid="certificate-set-row"'); // rows are in the first HTML
    expect(html).not.toContain("-----BEGIN CERTIFICATE");
    expect(await (await page.request.get("/api/certificates")).text()).not.toContain("BEGIN CERTIFICATE");
  });

  test("“Refresh this connection” reads only that connection's vendor account, and two at once share one read", async ({
    page,
    baseURL,
  }) => {
    await signInAs(page, "viewer");
    await readEveryConnectionOnce(page);
    const certificates = new CertificatesPage(page);
    await certificates.gotoList();
    const card = page.getByTestId(`connection-status-${CLOUDFLARE}`);
    const account = sandboxConnections().find((c) => c.name === CLOUDFLARE)!.accountId!;
    const otherAccounts = sandboxConnections()
      .filter((c) => c.name !== CLOUDFLARE && c.accountId)
      .map((c) => c.accountId!);

    await clearRequests();
    await card.getByRole("button", { name: "Refresh this connection" }).click();
    await expect(card.getByRole("button", { name: "Refresh this connection" })).toBeEnabled();
    await expect(card).toContainText("read just now");
    const alone = await vendorRequests();
    expect(alone.length).toBeGreaterThan(0);
    expect(new Set(alone.map((r) => r.service))).toEqual(new Set(["cloudflare"]));
    expect(alone.some((r) => r.path.includes(account))).toBe(true);
    for (const other of otherAccounts) expect(alone.filter((r) => r.path.includes(other))).toEqual([]);

    const id = (await card.getByRole("heading").getAttribute("id"))!.replace(/^connection-/, "");
    await clearRequests();
    const post = () =>
      page.request.post(`/api/inventory/refresh/${id}`, { headers: { Origin: new URL(baseURL!).origin } });
    // The vendor answers slowly, so the second asker surely arrives while the first read is in
    // flight: with an instant sandbox the two POSTs may not overlap at all (CI saw exactly that).
    await sandboxControl("cloudflare", "faults", {
      service: "cloudflare",
      path: "**",
      kind: "latency",
      delayMs: 1500,
    });
    try {
      const answers = await Promise.all([post(), post()]);
      for (const answer of answers) expect(answer.status()).toBe(200);
    } finally {
      await sandboxControl("cloudflare", "faults", undefined, "DELETE");
    }
    expect((await vendorRequests()).length).toBe(alone.length);
  });

  test("a refresh that cannot read the federated credentials says so and keeps the applications listed", async ({
    page,
  }) => {
    await signInAs(page, "viewer");
    await readEveryConnectionOnce(page);
    const uipath = sandboxConnections().find((c) => c.vendor === "uipath")!.name;
    const section = page.getByTestId(`federation-${uipath}`);
    const warning = section.getByText("The last refresh could not read the federated credentials");
    const applications = section.locator('[data-testid^="application-"]');
    await expect(applications.first()).toBeVisible();
    const listed = await applications.count();

    await sandboxControl("uipath", "faults", {
      service: "uipath",
      path: "**/ExternalClient/**",
      kind: "status",
      status: 403,
    });
    try {
      await section.getByRole("button", { name: "Refresh this connection" }).click();
      await expect(warning).toBeVisible();
      await expect(applications).toHaveCount(listed); // the earlier read stays, said as such
    } finally {
      await sandboxControl("uipath", "faults", undefined, "DELETE");
    }
    await section.getByRole("button", { name: "Refresh this connection" }).click();
    await expect(warning).toHaveCount(0);
    await expect(applications).toHaveCount(listed);
  });

  test("2,000 sets: only the rows in view are in the page, scrolling and the keyboard reach the last", async ({
    page,
  }) => {
    await signInAs(page, "viewer");
    await readEveryConnectionOnce(page);
    const certificates = new CertificatesPage(page);
    await certificates.gotoList();
    const id = (await page
      .getByTestId(`connection-status-${CLOUDFLARE}`)
      .getByRole("heading")
      .getAttribute("id"))!.replace(/^connection-/, "");
    const db = e2eDatabase();
    await db.connect();
    try {
      await seedBulkSets(db, id);
      await certificates.gotoList(`?q=${encodeURIComponent("Bulk set")}&sort=name`);
      await expect(page.getByText(`${BULK} of `)).toBeVisible();
      const rendered = await certificates.rows().count();
      expect(rendered).toBeGreaterThan(0);
      expect(rendered).toBeLessThan(BULK / 20);
      await expect(certificates.rows().first()).toContainText("Bulk set 0000");
      await expect(page.getByRole("list", { name: "Certificate sets" })).toBeVisible();

      // Scrolled to the end, the last set is there.
      await page.getByTestId("certificate-set-scroller").evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await expect(certificates.rows().filter({ hasText: "Bulk set 1999" })).toBeVisible();
      expect(await certificates.rows().count()).toBeLessThan(BULK / 20);

      // From the keyboard: Home, then down, then End.
      await certificates.rows().filter({ hasText: "Bulk set 1999" }).getByRole("link").focus();
      await page.keyboard.press("Home");
      await expect(page.getByRole("link", { name: "Bulk set 0000" })).toBeFocused();
      await page.keyboard.press("ArrowDown");
      await expect(page.getByRole("link", { name: "Bulk set 0001" })).toBeFocused();
      await page.keyboard.press("End");
      await expect(page.getByRole("link", { name: "Bulk set 1999" })).toBeFocused();
      await expect(page.locator('[aria-posinset="2000"]')).toHaveAttribute("aria-setsize", String(BULK));
    } finally {
      await db.query("DELETE FROM inventory_certificates WHERE key LIKE $1", [`${id}/bulk-%`]);
      await db.end();
    }
  });
});
