import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asc, sql } from "drizzle-orm";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { alertFirings, notifications } from "@/lib/db/schema";
import { renderMetrics } from "@/lib/metrics/exposition";
import { generateKey, parseKey } from "@/lib/secrets/crypto";
import { TEST_ENGINES } from "@/lib/testing/databases";
import { evaluateAlerts } from "./alerts/fire";
import { saveAlertRule } from "./alerts/rules-data";
import { alertRuleInputSchema, DEFAULT_THRESHOLDS } from "./alerts/schemas";
import { toCsv, toIcs } from "./export-formats";
import { exportRows } from "./export-rows";
import { applyCertificateSnapshot } from "./snapshot";
import { fakeIdpSet, fakeSummary } from "./testing/fake-certificates";
import { createHuaweiStore } from "./testing/huawei-store";

// Sets with no certificate in any slot, everywhere the inventory is reported: exports, metrics
// and alerts, read from what a refresh stored.

const key = parseKey(generateKey());
const t0 = new Date("2026-06-01T00:00:00.000Z");
const DAY = 86_400_000;
const at = (days: number) => new Date(t0.getTime() + days * DAY);
const ENABLED_LABEL = '=Okta, "prod"';

describe.each(TEST_ENGINES)(
  "sets with no certificate in exports, metrics and alerts on $engine",
  ({ open }) => {
    let handle: Awaited<ReturnType<typeof open>>;
    let hw: { id: string; name: string; vendor: "huawei" };
    const installed = fakeSummary("installed", at(400).toISOString());

    beforeAll(async () => {
      handle = await open();
      hw = await createHuaweiStore(handle.db, key);
      const sets = [
        fakeIdpSet(hw.id, "full", true, [installed], "Full IdP"),
        fakeIdpSet(hw.id, "enabled", true, [], ENABLED_LABEL),
        fakeIdpSet(hw.id, "disabled", false, [], "Disabled IdP"),
      ];
      await applyCertificateSnapshot(handle.db, { connection: hw, sets, now: t0 });
    });
    afterAll(() => handle.close());
    beforeEach(async () => {
      await handle.db.execute(sql`DELETE FROM alert_rules`);
      await handle.db.execute(sql`DELETE FROM notifications`);
      await handle.db.execute(sql`DELETE FROM alert_firings`);
    });

    it("exports every empty set as a CSV line with empty certificate fields (escaped) and in the JSON, never in ICS", async () => {
      const { rows, emptySets } = await exportRows(handle.db, t0);
      expect(rows.map((r) => r.setLabel)).toEqual(["Full IdP"]);
      expect(emptySets.map((s) => [s.setId, s.status, s.signInFails]).sort()).toEqual([
        ["idp:disabled", "empty", false],
        ["idp:enabled", "empty-sign-in-fails", true],
      ]);
      const csv = toCsv(rows, emptySets);
      const lines = csv.trimEnd().split("\r\n");
      const header = lines[0]!.split(",");
      expect(lines).toHaveLength(4);
      const enabledLine = lines.find((l) => l.includes("idp:enabled"))!;
      // The label holds a comma and quotes and starts like a formula: one quoted, defused cell.
      expect(enabledLine).toContain(`,"'=Okta, ""prod""",`);
      const cells = enabledLine.replace(`"'=Okta, ""prod"""`, "LABEL").split(",");
      expect(cells).toHaveLength(header.length);
      const cell = (column: string) => cells[header.indexOf(column)];
      expect(cell("vendor")).toBe("huawei");
      expect(cell("connectionName")).toBe("Store");
      expect(cell("status")).toBe("empty-sign-in-fails");
      for (const column of ["slot", "notAfter", "sha256", "subject", "serialNumber", "daysLeft"])
        expect(cell(column)).toBe("");
      expect(lines.find((l) => l.includes("idp:disabled"))).toContain(",empty,");
      const json = JSON.parse(JSON.stringify({ certificates: rows, emptySets })) as { emptySets: unknown[] };
      expect(json.emptySets).toContainEqual(
        expect.objectContaining({
          setLabel: ENABLED_LABEL,
          status: "empty-sign-in-fails",
          signInFails: true,
        }),
      );
      const ics = toIcs(rows, t0, "https://trustdeck.example.test");
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
      expect(ics).not.toContain("Okta");
      expect(ics).not.toContain("Disabled IdP");
    });

    it("exposes the empty sets per connection with whether sign-in fails", async () => {
      const { body } = await renderMetrics(handle.db, t0);
      const family = parsePrometheusTextFormat(body).find(
        (f) => f.name === "trustdeck_inventory_empty_sets",
      )!;
      expect(family.type).toBe("GAUGE");
      const value = (signInFails: string) =>
        family.metrics.find(
          (m) =>
            m.labels?.connection === "Store" &&
            m.labels?.vendor === "huawei" &&
            m.labels?.sign_in_fails === signInFails,
        )?.value;
      expect(value("true")).toBe("1");
      expect(value("false")).toBe("1");
    });

    it("alerts once for an enabled empty IdP across evaluations, never for an empty set nothing depends on", async () => {
      await saveAlertRule(
        handle.db,
        key,
        alertRuleInputSchema.parse({ name: "In app", thresholds: DEFAULT_THRESHOLDS, channel: "in-app" }),
      );
      // Two instances at once, then a later run: the firing is stored once.
      const both = await Promise.all([evaluateAlerts(handle.db, t0), evaluateAlerts(handle.db, t0)]);
      expect(both[0] + both[1]).toBe(1);
      expect(await evaluateAlerts(handle.db, at(1))).toBe(0);
      const titles = (await handle.db.select().from(notifications).orderBy(asc(notifications.id))).map(
        (n) => n.title,
      );
      expect(titles).toEqual([`No certificate installed: ${ENABLED_LABEL}`]);
      const firings = await handle.db.select().from(alertFirings);
      expect(firings.map((f) => [f.certificateKey, f.threshold])).toEqual([
        [`${hw.id}/idp:enabled#emptied@${t0.toISOString()}`, "expired"],
      ]);
    });

    it("alerts an enabled empty IdP under a rule with day thresholds only, and respects the scope", async () => {
      await saveAlertRule(
        handle.db,
        key,
        alertRuleInputSchema.parse({ name: "Days", thresholds: [30, 7], channel: "in-app" }),
      );
      await saveAlertRule(
        handle.db,
        key,
        alertRuleInputSchema.parse({
          name: "Disabled IdP only",
          thresholds: ["expired"],
          channel: "in-app",
          scopeConnectionId: hw.id,
          scopeSetId: "idp:disabled",
        }),
      );
      expect(await evaluateAlerts(handle.db, t0)).toBe(1);
      const firings = await handle.db.select().from(alertFirings);
      expect(firings.map((f) => [f.certificateKey, f.threshold])).toEqual([
        [`${hw.id}/idp:enabled#emptied@${t0.toISOString()}`, "7"],
      ]);
    });
  },
);
