import type { ListedSet } from "./listed-set";
import type { CertificateListFilter } from "./schemas";
import { earliestExpiry, setBreaksAt, setStatus, slotStatus, statusRank } from "./status";

/** A certificate set as the list shows it (summaries, no PEMs) plus where it lives. */
export interface CertificateSetEntry {
  set: ListedSet;
  connection: { id: string; name: string };
}

function matchesSearch(entry: CertificateSetEntry, q: string): boolean {
  const needle = q.toLowerCase().replaceAll(":", "");
  const haystack = [entry.set.label, entry.set.id, entry.connection.name, entry.set.vendor]
    .concat(
      entry.set.slots.flatMap((slot) =>
        slot.certificate
          ? [
              slot.certificate.subject,
              slot.certificate.issuer,
              slot.certificate.sha256,
              slot.certificate.sha1,
              slot.certificate.serialNumber,
            ]
          : [],
      ),
    )
    .join(" ")
    .toLowerCase();
  return haystack.includes(needle) || haystack.replaceAll(":", "").includes(needle);
}

/**
 * Search, filter and sort certificate sets. A status filter keeps a set when any of its slots
 * has that status (a set with an expired previous certificate shows under "expired"); "empty"
 * keeps the sets with no certificate installed at all.
 */
export function filterCertificateSets(
  entries: CertificateSetEntry[],
  filter: CertificateListFilter,
  now: Date,
): CertificateSetEntry[] {
  const kept = entries.filter(
    (entry) =>
      (!filter.vendor || entry.set.vendor === filter.vendor) &&
      (!filter.connection || entry.connection.id === filter.connection) &&
      (!filter.status ||
        (filter.status === "empty"
          ? entry.set.empty !== undefined
          : entry.set.slots.some((slot) => slotStatus(slot, now, entry.set) === filter.status))) &&
      (!filter.q || matchesSearch(entry, filter.q)),
  );
  const byName = (a: CertificateSetEntry, b: CertificateSetEntry) =>
    a.connection.name.localeCompare(b.connection.name) || a.set.label.localeCompare(b.set.label);
  // Each set's sort key is computed once, not at every comparison (2,000 sets: ~22,000 of them).
  const keys = new Map<CertificateSetEntry, { expiry: string; rank: number; breaks: string }>();
  const keyOf = (entry: CertificateSetEntry) => {
    let key = keys.get(entry);
    if (!key) {
      key = {
        expiry: filter.sort === "expiry" ? (earliestExpiry(entry.set) ?? "9999") : "",
        // An empty set that sign-in goes through fails now: first, with the outages.
        rank:
          filter.sort !== "status"
            ? 0
            : entry.set.empty?.signInFails
              ? 0
              : statusRank(setStatus(entry.set, now)),
        breaks:
          filter.sort !== "status"
            ? ""
            : entry.set.empty?.signInFails
              ? ""
              : (setBreaksAt(entry.set, now).at ?? "9999"),
      };
      keys.set(entry, key);
    }
    return key;
  };
  const compare: Record<
    CertificateListFilter["sort"],
    (a: CertificateSetEntry, b: CertificateSetEntry) => number
  > = {
    expiry: (a, b) => keyOf(a).expiry.localeCompare(keyOf(b).expiry) || byName(a, b),
    // Most urgent: outages, then the sets whose sign-in breaks soonest (not the first expiry of
    // a certificate nothing depends on).
    status: (a, b) =>
      keyOf(a).rank - keyOf(b).rank || keyOf(a).breaks.localeCompare(keyOf(b).breaks) || byName(a, b),
    vendor: (a, b) => a.set.vendor.localeCompare(b.set.vendor) || byName(a, b),
    connection: byName,
    name: (a, b) => a.set.label.localeCompare(b.set.label) || byName(a, b),
  };
  return kept.sort(compare[filter.sort]);
}
