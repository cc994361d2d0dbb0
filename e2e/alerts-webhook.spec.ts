import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { AlertsPage } from "./pages/alerts.page";
import { signInAs } from "./support/sessions";
import { LONG_JOURNEY_TIMEOUT, REFRESH_RUN_TIMEOUT } from "./support/timeouts";
import { sandboxControl } from "./support/sandbox";

type Received = {
  signature: string | undefined;
  timestamp: string | undefined;
  raw: string;
  body: { test?: boolean; threshold?: number | "expired"; certificate?: { key: string } };
};

/** A webhook receiver on 127.0.0.1 and an ephemeral port that keeps every request. */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      received.push({
        signature: req.headers["x-trustdeck-signature"] as string | undefined,
        timestamp: req.headers["x-trustdeck-timestamp"] as string | undefined,
        raw,
        body: JSON.parse(raw) as Received["body"],
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

const SECRET = "e2e-webhook-secret";
const expectedThreshold = { expired: "expired", lt7: 7, lt30: 30, lt60: 60 } as Record<
  string,
  number | "expired"
>;

test("a webhook receiver gets a signed test, then exactly one alert per certificate and threshold", async ({
  page,
}) => {
  test.setTimeout(LONG_JOURNEY_TIMEOUT); // two inventory refreshes and every alert delivery
  for (const vendor of ["uipath", "cloudflare", "huawei"] as const) await sandboxControl(vendor, "reset", {});
  const receiver = await startReceiver();
  try {
    await signInAs(page, "admin");
    const alerts = new AlertsPage(page);
    await alerts.goto();
    await alerts.addWebhookRule({ name: "Receiver e2e", url: receiver.url, secret: SECRET });

    await alerts.sendTest("Receiver e2e");
    await expect(
      page.getByRole("status").filter({ hasText: "The receiver accepted the test" }),
    ).toBeVisible();
    expect(receiver.received).toHaveLength(1);
    const test0 = receiver.received[0]!;
    expect(test0.body.test).toBe(true);
    expect(test0.signature).toBe(
      `sha256=${createHmac("sha256", SECRET).update(`${test0.timestamp}.${test0.raw}`).digest("hex")}`,
    );

    // Two refreshes: alerts are evaluated after each, and must not repeat.
    await alerts.refreshAll();
    await page.reload();
    await alerts.refreshAll();

    const exported = (await (await page.request.get("/api/inventory/export?format=json")).json()) as {
      certificates: { key: string; status: string }[];
    };
    const due = exported.certificates.filter((c) => c.status in expectedThreshold);
    expect(due.length).toBeGreaterThan(5);
    await expect.poll(() => receiver.received.length - 1, { timeout: REFRESH_RUN_TIMEOUT }).toBe(due.length);

    const alertsReceived = receiver.received.slice(1).map((r) => r.body);
    const pairs = alertsReceived.map((a) => `${a.certificate!.key}|${a.threshold}`);
    expect(new Set(pairs).size).toBe(pairs.length); // once per certificate and threshold
    for (const cert of due) expect(pairs).toContain(`${cert.key}|${expectedThreshold[cert.status]}`);
    for (const r of receiver.received)
      expect(r.signature).toBe(
        `sha256=${createHmac("sha256", SECRET).update(`${r.timestamp}.${r.raw}`).digest("hex")}`,
      );

    // Every delivery is recorded on the page.
    await page.reload();
    await expect(
      page
        .getByRole("table", { name: "Webhook deliveries, newest first" })
        .getByText("Delivered", { exact: true }),
    ).toHaveCount(Math.min(due.length + 1, 200));
  } finally {
    await new Promise((resolve) => receiver.server.close(resolve));
  }
});
