import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { AlertsPage } from "./pages/alerts.page";
import { signInAs } from "./support/sessions";
import { LONG_JOURNEY_TIMEOUT } from "./support/timeouts";
import { sandboxConnections, sandboxControl } from "./support/sandbox";

test.describe("inventory refresh and exports", () => {
  test.describe.configure({ timeout: LONG_JOURNEY_TIMEOUT }); // inventory refreshes
  test.beforeEach(async () => {
    for (const vendor of ["uipath", "cloudflare", "huawei"] as const)
      await sandboxControl(vendor, "reset", {});
  });

  test("a failing vendor keeps its snapshot, marked stale with its reason; the others are updated", async ({
    page,
  }) => {
    const cloudflare = sandboxConnections()
      .filter((c) => c.vendor === "cloudflare")
      .map((c) => c.name);
    const others = sandboxConnections()
      .filter((c) => c.vendor !== "cloudflare")
      .map((c) => c.name);
    await signInAs(page, "operator");
    const alerts = new AlertsPage(page);
    await alerts.goto();
    const first = await alerts.refreshAll();
    expect(first).toMatch(/(\d+) \/ \1 connections done\./);
    for (const name of [...cloudflare, ...others])
      await expect(alerts.freshnessRow(name)).toContainText("Current");

    await sandboxControl("cloudflare", "faults", {
      service: "cloudflare",
      path: "**",
      kind: "status",
      status: 403,
    });
    try {
      await page.reload();
      const second = await alerts.refreshAll();
      expect(second).toContain(`${cloudflare.length} failed`);
      const failures = page.getByRole("list", { name: "Failures" });
      for (const name of cloudflare) await expect(failures).toContainText(name);
      for (const name of cloudflare) {
        await expect(alerts.freshnessRow(name)).toContainText("Stale");
        await expect(alerts.freshnessRow(name)).toContainText(/ago|just now/); // the time of its last success
      }
      for (const name of others) await expect(alerts.freshnessRow(name)).toContainText("Current");
    } finally {
      await sandboxControl("cloudflare", "faults", undefined, "DELETE");
    }
  });

  test("the CSV, JSON and ICS exports download and parse", async ({ page }) => {
    await signInAs(page, "operator");
    const alerts = new AlertsPage(page);
    await alerts.goto();
    await alerts.refreshAll();

    const download = async (label: "CSV" | "JSON" | "Calendar (ICS)") => {
      const pending = page.waitForEvent("download");
      await alerts.exportLink(label).click();
      return readFileSync(await (await pending).path(), "utf8");
    };

    const json = JSON.parse(await download("JSON")) as {
      certificates: {
        sha256: string;
        sha1: string;
        notAfter: string;
        status: string;
        findings: { code: string }[];
      }[];
      connections: unknown[];
      emptySets: { setLabel: string; status: string }[];
    };
    expect(json.certificates.length).toBeGreaterThan(40);
    // The sandbox's Tailspin organization has no SAML certificate: a set, listed without a date.
    expect(json.emptySets.map((s) => s.status)).toEqual(["empty"]);
    expect(json.connections.length).toBe(sandboxConnections().length);
    expect(
      json.certificates.every((c) => /^[0-9A-F]{64}$/.test(c.sha256) && /^[0-9A-F]{40}$/.test(c.sha1)),
    ).toBe(true);
    expect(json.certificates.some((c) => c.findings.some((f) => f.code === "EXPIRED"))).toBe(true);

    const csv = (await download("CSV")).trimEnd().split("\r\n");
    const header = csv[0]!.split(",");
    expect(header).toEqual(
      expect.arrayContaining([
        "vendor",
        "connectionName",
        "setLabel",
        "slot",
        "notAfter",
        "sha256",
        "sha256Colon",
        "sha1",
        "findingCodes",
        "status",
      ]),
    );
    // A header, then a line per certificate and per empty set.
    expect(csv).toHaveLength(json.certificates.length + json.emptySets.length + 1);

    const ics = await download("Calendar (ICS)");
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    const upcoming = json.certificates.filter((c) => Date.parse(c.notAfter) > Date.now()).length;
    expect(ics.match(/BEGIN:VEVENT/g)?.length).toBe(upcoming);
    expect(ics).toMatch(/DTSTART;VALUE=DATE:\d{8}/);
  });
});
