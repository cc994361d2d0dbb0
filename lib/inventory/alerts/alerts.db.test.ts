import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asc, sql } from "drizzle-orm";
import { alertDeliveries, notifications } from "@/lib/db/schema";
import { createConnection } from "@/lib/connections/data";
import { generateKey, parseKey } from "@/lib/secrets/crypto";
import { TEST_ENGINES } from "@/lib/testing/databases";
import { applyCertificateSnapshot } from "../snapshot";
import { fakeSet, fakeSummary } from "../testing/fake-certificates";
import { processDueDeliveries } from "./deliver";
import { evaluateAlerts } from "./fire";
import { listAlertRules, saveAlertRule, webhookSecretOf } from "./rules-data";
import { alertRuleInputSchema, DEFAULT_THRESHOLDS } from "./schemas";
import type { SendResult, WebhookSender } from "./webhook";

const key = parseKey(generateKey());
const DAY = 86_400_000;
const t0 = new Date("2026-06-01T00:00:00.000Z");
const at = (days: number) => new Date(t0.getTime() + days * DAY);

describe.each(TEST_ENGINES)("alerts on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  let connectionId: string;
  beforeAll(async () => {
    handle = await open();
    const view = await createConnection(handle.db, key, {
      vendor: "cloudflare",
      name: "Acme",
      baseUrl: "https://api.cloudflare.com/client/v4",
      accountId: "0123456789abcdef0123456789abcdef",
      apiToken: "x".repeat(40),
    } as never);
    connectionId = view.id;
    const connection = { id: connectionId, name: "Acme", vendor: "cloudflare" as const };
    const sets = [
      fakeSet(connectionId, "soon", fakeSummary("soon", at(40).toISOString())), // 60 now, 30 after 10 days, 7 after 33, expired after 40
      fakeSet(connectionId, "later", fakeSummary("later", at(400).toISOString())),
    ];
    await applyCertificateSnapshot(handle.db, { connection, sets, now: t0 });
  });
  afterAll(() => handle.close());
  beforeEach(async () => {
    await handle.db.execute(sql`DELETE FROM alert_rules`);
    await handle.db.execute(sql`DELETE FROM notifications`);
  });

  it("alerts each certificate once per threshold as the clock moves", async () => {
    await saveAlertRule(
      handle.db,
      key,
      alertRuleInputSchema.parse({ name: "In app", thresholds: DEFAULT_THRESHOLDS, channel: "in-app" }),
    );
    const fired = [];
    for (const day of [0, 0, 5, 10, 11, 33, 34, 40, 41, 90])
      fired.push(await evaluateAlerts(handle.db, at(day)));
    expect(fired).toEqual([1, 0, 0, 1, 0, 1, 0, 1, 0, 0]);
    const titles = (await handle.db.select().from(notifications).orderBy(asc(notifications.id))).map(
      (n) => n.title,
    );
    expect(titles).toEqual([
      "Certificate expires within 60 days: soon",
      "Certificate expires within 30 days: soon",
      "Certificate expires within 7 days: soon",
      "Certificate expired: soon",
    ]);
  });

  it("respects the scope", async () => {
    await saveAlertRule(
      handle.db,
      key,
      alertRuleInputSchema.parse({
        name: "Other set",
        thresholds: [60],
        channel: "in-app",
        scopeConnectionId: connectionId,
        scopeSetId: "later",
      }),
    );
    expect(await evaluateAlerts(handle.db, t0)).toBe(0);
  });

  it("signs webhooks with the encrypted secret, retries with backoff and records every outcome", async () => {
    const rule = await saveAlertRule(
      handle.db,
      key,
      alertRuleInputSchema.parse({
        name: "Hook",
        thresholds: [60],
        channel: "webhook",
        webhookUrl: "https://hooks.example.test/x",
        webhookFormat: "slack",
        webhookSecret: "s3cret",
      }),
    );
    expect(rule.webhookSecretSet).toBe(true);
    expect(JSON.stringify(await listAlertRules(handle.db))).not.toContain("s3cret");
    expect(await webhookSecretOf(handle.db, key, rule.id)).toBe("s3cret");

    const answers: SendResult[] = [
      { ok: false, status: 503, error: "HTTP 503" },
      { ok: false, status: null, error: "reset" },
      { ok: true, status: 200 },
    ];
    const calls: Parameters<WebhookSender>[0][] = [];
    const send: WebhookSender = async (request) => (calls.push(request), answers.shift()!);

    expect(await evaluateAlerts(handle.db, t0)).toBe(1);
    await processDueDeliveries(handle.db, key, t0, send); // attempt 1 fails → retry in 1 min
    await processDueDeliveries(handle.db, key, new Date(t0.getTime() + 30_000), send); // not due yet
    await processDueDeliveries(handle.db, key, new Date(t0.getTime() + 61_000), send); // attempt 2 fails → 5 min
    await processDueDeliveries(handle.db, key, new Date(t0.getTime() + 7 * 60_000), send); // attempt 3 delivers
    await processDueDeliveries(handle.db, key, new Date(t0.getTime() + 3 * 3_600_000), send); // nothing left

    expect(calls).toHaveLength(3);
    expect(calls[0]).toMatchObject({
      url: "https://hooks.example.test/x",
      format: "slack",
      secret: "s3cret",
    });
    expect(calls[0]!.message.title).toBe("Certificate expires within 60 days: soon");
    const [delivery] = await handle.db.select().from(alertDeliveries);
    expect(delivery).toMatchObject({
      status: "delivered",
      attempts: 3,
      responseStatus: 200,
      lastError: null,
    });
  });

  it("gives up after the last retry and keeps the reason", async () => {
    await saveAlertRule(
      handle.db,
      key,
      alertRuleInputSchema.parse({
        name: "Dead hook",
        thresholds: [60],
        channel: "webhook",
        webhookUrl: "https://hooks.example.test/dead",
      }),
    );
    await handle.db.execute(sql`DELETE FROM alert_deliveries`);
    await evaluateAlerts(handle.db, t0);
    const send: WebhookSender = async () => ({
      ok: false,
      status: 500,
      error: "The receiver answered HTTP 500.",
    });
    let now = t0;
    for (let i = 0; i < 6; i++) {
      await processDueDeliveries(handle.db, key, now, send);
      now = new Date(now.getTime() + 3 * 3_600_000);
    }
    const [delivery] = await handle.db.select().from(alertDeliveries);
    expect(delivery).toMatchObject({
      status: "failed",
      attempts: 5,
      responseStatus: 500,
      lastError: "The receiver answered HTTP 500.",
      nextAttemptAt: null,
    });
  });
});
