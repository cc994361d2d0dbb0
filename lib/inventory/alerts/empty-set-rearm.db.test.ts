import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc } from "drizzle-orm";
import { alertFirings, alertRules, notifications } from "@/lib/db/schema";
import { generateKey, parseKey } from "@/lib/secrets/crypto";
import { TEST_ENGINES } from "@/lib/testing/databases";
import { applyCertificateSnapshot } from "../snapshot";
import { fakeIdpSet, fakeSummary } from "../testing/fake-certificates";
import { createHuaweiStore } from "../testing/huawei-store";
import { evaluateAlerts } from "./fire";
import { saveAlertRule } from "./rules-data";
import { alertRuleInputSchema, DEFAULT_THRESHOLDS } from "./schemas";

// An enabled IdP set with no certificate is an outage, alerted once per emptying: a set that
// gets a certificate and is emptied again alerts again; refreshes that find it still empty, and
// instances evaluating at once, do not. Driven through the refresh's snapshot and the alert
// evaluation, read back from the firings and notifications stored.

const key = parseKey(generateKey());
const t0 = new Date("2026-06-01T00:00:00.000Z");
const HOUR = 3_600_000;
const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);

describe.each(TEST_ENGINES)("empty-set alerts re-arm per emptying on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  let hw: { id: string; name: string; vendor: "huawei" };
  const installed = fakeSummary("installed", new Date(t0.getTime() + 400 * 24 * HOUR).toISOString());

  beforeAll(async () => {
    handle = await open();
    hw = await createHuaweiStore(handle.db, key);
    for (const channel of ["in-app", "webhook"] as const)
      await saveAlertRule(
        handle.db,
        key,
        alertRuleInputSchema.parse({
          name: `Rule ${channel}`,
          thresholds: DEFAULT_THRESHOLDS,
          channel,
          ...(channel === "webhook" && { webhookUrl: "https://hooks.example.com/trustdeck" }),
        }),
      );
  });
  afterAll(() => handle.close());

  const refresh = (hours: number, filled: boolean) =>
    applyCertificateSnapshot(handle.db, {
      connection: hw,
      sets: [fakeIdpSet(hw.id, "okta", true, filled ? [installed] : [], "Okta")],
      now: at(hours),
    });
  /** Two instances evaluate at once after each refresh; returns the alerts they stored together. */
  const evaluate = async (hours: number) =>
    (await Promise.all([evaluateAlerts(handle.db, at(hours)), evaluateAlerts(handle.db, at(hours))])).reduce(
      (a, b) => a + b,
    );
  const emptiedAt = async () =>
    (await handle.db.select().from(alertFirings).orderBy(asc(alertFirings.id))).map(
      (f) => (f.payload as { data: { emptySet: { firstSeenAt: string } } }).data.emptySet.firstSeenAt,
    );

  it("alerts when emptied, not while filled, again when emptied again, and once for all refreshes of one emptying", async () => {
    await refresh(0, false);
    expect(await evaluate(0)).toBe(2); // one per rule
    await refresh(1, false);
    expect(await evaluate(1)).toBe(0); // still the same emptying

    await refresh(2, true);
    expect(await evaluate(2)).toBe(0);
    await refresh(3, true);
    expect(await evaluate(3)).toBe(0);

    await refresh(4, false);
    expect(await evaluate(4)).toBe(2); // emptied again: a second alert per rule
    expect(await evaluate(5)).toBe(0);

    // Filled and emptied twice more between two evaluations: the evaluation sees one emptying.
    await refresh(6, true);
    await refresh(7, false);
    await refresh(8, true);
    await refresh(9, false);
    await refresh(10, false);
    expect(await evaluate(10)).toBe(2);
    expect(await evaluate(11)).toBe(0);

    expect(await emptiedAt()).toEqual([0, 0, 4, 4, 9, 9].map((hours) => at(hours).toISOString()));
    const titles = (await handle.db.select().from(notifications).orderBy(asc(notifications.id))).map(
      (n) => n.title,
    );
    expect(titles).toEqual(Array(3).fill("No certificate installed: Okta"));
  });

  it("counts an alert stored under the set's key alone (before an upgrade) for the emptying it was fired in", async () => {
    const older = await createHuaweiStore(handle.db, key, "Older store", "d-0987654321");
    const snapshot = (hours: number, filledIds: string[]) =>
      applyCertificateSnapshot(handle.db, {
        connection: older,
        sets: ["alerted", "never-alerted"].map((id) =>
          fakeIdpSet(older.id, id, true, filledIds.includes(id) ? [installed] : [], id),
        ),
        now: at(hours),
      });
    await snapshot(20, ["never-alerted"]);
    await snapshot(21, []);
    // Stored as before: "alerted" at 22 h (this emptying), "never-alerted" at 19 h (an emptying
    // before the certificate that was uploaded and removed since).
    const rules = (await handle.db.select({ id: alertRules.id }).from(alertRules)).map((r) => r.id);
    expect(rules).toHaveLength(2);
    for (const ruleId of rules)
      for (const [set, hours] of [
        ["alerted", 22],
        ["never-alerted", 19],
      ] as const)
        await handle.db.insert(alertFirings).values({
          ruleId,
          certificateKey: `${older.id}/idp:${set}`,
          threshold: "expired",
          firedAt: at(hours),
          title: `No certificate installed: ${set}`,
          payload: {},
        });
    const before = (await handle.db.select().from(alertFirings)).length;
    expect(await evaluate(23)).toBe(2); // "never-alerted" only, once per rule
    const added = (await handle.db.select().from(alertFirings).orderBy(asc(alertFirings.id))).slice(before);
    expect(added.map((f) => f.certificateKey)).toEqual(
      Array(2).fill(`${older.id}/idp:never-alerted#emptied@${at(21).toISOString()}`),
    );
    await snapshot(24, ["alerted"]);
    await snapshot(25, []);
    expect(await evaluate(25)).toBe(2); // "alerted" emptied again: a new emptying alerts
  });
});
