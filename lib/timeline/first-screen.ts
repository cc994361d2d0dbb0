import { flattenRows, groupCertificates, rowHeight, type StatusCounts, type VendorGroup } from "./lanes";
import type { TimelineCertificate } from "./types";

/** The plot's height (`h-[26rem]`) and the virtualiser's overscan: what a first render can show. */
const FIRST_SCREEN_PX = 26 * 16;
const OVERSCAN_ROWS = 6;

/** What the Overview hands the timeline with the page; the rest loads after it. */
export interface TimelineFirstScreen {
  /** Every certificate of the lanes on the timeline's first screen (whole lanes, all expanded). */
  certificates: TimelineCertificate[];
  /** True when those are all of them: nothing is left to load. */
  complete: boolean;
  /** Each vendor's and connection's counts over every certificate, so headings are right at once. */
  counts: Record<string, StatusCounts>;
}

/**
 * The certificates of the rows the timeline draws first, in its own order (vendor, connection,
 * set), and every group's counts. At 500 sets the whole list handed over as page props was most of
 * the Overview's HTML (about 1 MB) and of a phone's blocking time.
 */
export function timelineFirstScreen(
  certs: readonly TimelineCertificate[],
  now: Date,
  vendorOrder: readonly string[],
): TimelineFirstScreen {
  const groups = groupCertificates(certs, now, vendorOrder);
  const certificates: TimelineCertificate[] = [];
  let top = 0;
  let beyond = 0;
  for (const row of flattenRows(groups, new Set())) {
    if (top >= FIRST_SCREEN_PX && ++beyond > OVERSCAN_ROWS) break;
    if (row.kind === "lane") for (const bar of row.lane.bars) certificates.push(bar.cert);
    top += rowHeight(row);
  }
  const counts: Record<string, StatusCounts> = {};
  for (const group of groups) {
    counts[group.id] = group.counts;
    for (const connection of group.connections) counts[connection.id] = connection.counts;
  }
  return { certificates, complete: certificates.length === certs.length, counts };
}

/** The groups with counts taken from `counts` where it has them (the whole inventory's). */
export function withGroupCounts(groups: VendorGroup[], counts: Record<string, StatusCounts>): VendorGroup[] {
  return groups.map((group) => ({
    ...group,
    counts: counts[group.id] ?? group.counts,
    connections: group.connections.map((c) => ({ ...c, counts: counts[c.id] ?? c.counts })),
  }));
}
