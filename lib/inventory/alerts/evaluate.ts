import { signInDependsOn } from "@/lib/certificates/breaks-at";
import type { Vendor } from "@/lib/connections/schemas";
import type { SlotRole } from "@/lib/vendors/descriptor";
import { siblingsBySet } from "@/lib/timeline/status";
import type { Threshold } from "./schemas";

const DAY_MS = 86_400_000;

/** What evaluation needs of a rule. */
export interface RuleForEvaluation {
  id: string;
  thresholds: Threshold[];
  scopeVendor: Vendor | null;
  scopeConnectionId: string | null;
  scopeSetId: string | null;
}

/** What evaluation needs of a certificate. */
export interface CertificateForEvaluation {
  key: string;
  vendor: Vendor;
  connectionId: string;
  setId: string;
  notAfter: string;
  /** The slot, the vendor's state and the role: whether sign-in depends on it (all optional). */
  slot?: string;
  state?: string;
  role?: SlotRole;
}

/** A threshold a certificate has reached under a rule. */
export interface DueAlert {
  ruleId: string;
  certificateKey: string;
  threshold: Threshold;
}

/** Whether a certificate is in a rule's scope (an unset scope field matches everything). */
export function inScope(rule: RuleForEvaluation, cert: CertificateForEvaluation): boolean {
  return (
    (!rule.scopeVendor || rule.scopeVendor === cert.vendor) &&
    (!rule.scopeConnectionId || rule.scopeConnectionId === cert.connectionId) &&
    (!rule.scopeSetId || rule.scopeSetId === cert.setId)
  );
}

/**
 * The most urgent threshold a certificate has reached at `now`, or null. Less urgent thresholds
 * it passed at the same time are not reported separately: a certificate first seen with 5 days
 * left alerts once for "7", not for 60, 30 and 7 at once.
 */
export function reachedThreshold(thresholds: Threshold[], notAfter: string, now: Date): Threshold | null {
  const left = Date.parse(notAfter) - now.getTime();
  if (left <= 0 && thresholds.includes("expired")) return "expired";
  const days = thresholds
    .filter((t): t is number => t !== "expired" && left <= t * DAY_MS)
    .sort((a, b) => a - b);
  return days[0] ?? null;
}

/** What `alertsAt` needs of anything that may alert: where it is and when it runs out. */
type Alertable = Pick<CertificateForEvaluation, "key" | "vendor" | "connectionId" | "setId" | "notAfter">;

/** Every (rule, item, threshold) reached at `now`, for the items in each rule's scope. */
function alertsAt(rules: RuleForEvaluation[], items: readonly Alertable[], now: Date): DueAlert[] {
  return rules.flatMap((rule) =>
    items.flatMap((item) => {
      if (!inScope(rule, item)) return [];
      const threshold = reachedThreshold(rule.thresholds, item.notAfter, now);
      return threshold === null ? [] : [{ ruleId: rule.id, certificateKey: item.key, threshold }];
    }),
  );
}

/**
 * Every (rule, certificate, threshold) reached at `now`, for the certificates sign-in depends on
 * (lib/certificates/breaks-at): an expired standby, previous, inactive or vendor-EXPIRED
 * certificate is housekeeping, shown on the Overview, never an expiry alert. The caller stores each
 * once (a unique index), so a certificate alerts once per threshold however often this runs.
 */
export function dueAlerts(
  rules: RuleForEvaluation[],
  certificates: CertificateForEvaluation[],
  now: Date,
): DueAlert[] {
  const siblingsOf = siblingsBySet(certificates);
  const roled = (cert: CertificateForEvaluation) => ({ ...cert, slot: cert.slot ?? "" });
  const dependedOn = certificates.filter((cert) =>
    signInDependsOn(roled(cert), siblingsOf(cert).map(roled), now),
  );
  return alertsAt(rules, dependedOn, now);
}

/** What evaluation needs of a set with no certificate in any slot. */
export interface EmptySetForEvaluation {
  /** `<connectionId>/<setId>`: it has no third part, so it never equals a certificate's key. */
  key: string;
  vendor: Vendor;
  connectionId: string;
  setId: string;
  signInFails: boolean;
  /** ISO 8601: when the inventory first saw the set empty this time (a filled set loses its row). */
  firstSeenAt: string;
}

/**
 * What an empty set's alert is stored under: the set and the time it became empty. A certificate
 * alerts once per threshold because its key names the certificate; an empty set alerts once per
 * emptying, so a set that gets a certificate and is emptied again alerts again, while every
 * refresh that finds it still empty (the same row, the same `firstSeenAt`) does not.
 */
export function emptySetAlertKey(set: Pick<EmptySetForEvaluation, "key" | "firstSeenAt">): string {
  return `${set.key}#emptied@${new Date(set.firstSeenAt).toISOString()}`;
}

/**
 * The alerts due for empty sets at `now`. An empty set sign-in depends on is an outage, exactly
 * like an expired certificate sign-in depends on, so it is evaluated as one that ran out at `now`
 * (the rule's "expired" threshold, or its most urgent one) and stored once per emptying the same
 * way (`emptySetAlertKey`). An empty set nothing depends on is housekeeping and never alerts.
 */
export function dueEmptySetAlerts(
  rules: RuleForEvaluation[],
  emptySets: readonly EmptySetForEvaluation[],
  now: Date,
): DueAlert[] {
  const outages = emptySets
    .filter((set) => set.signInFails)
    .map((set) => ({ ...set, key: emptySetAlertKey(set), notAfter: now.toISOString() }));
  return alertsAt(rules, outages, now);
}

/** Delay before the next webhook attempt after `attempts` failures; null means give up. */
export function retryDelayMs(attempts: number): number | null {
  const schedule = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000];
  return schedule[attempts - 1] ?? null;
}
