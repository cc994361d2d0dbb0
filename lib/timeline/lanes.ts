import { certificateStatus } from "./status";
import { TIMELINE_STATUSES, type TimelineCertificate, type TimelineStatus } from "./types";

/** A certificate placed on a lane: its times, status and the track (sub-row) it sits on. */
export interface TimelineBar {
  cert: TimelineCertificate;
  start: number;
  end: number;
  status: TimelineStatus;
  track: number;
}

/** One certificate set: a lane with its bars, overlapping bars on separate tracks. */
export interface TimelineLane {
  id: string;
  label: string;
  href: string;
  vendor: string;
  connectionName: string;
  bars: TimelineBar[];
  tracks: number;
}

/** The sets of one connection. */
export interface ConnectionGroup {
  id: string;
  vendor: string;
  name: string;
  lanes: TimelineLane[];
  counts: StatusCounts;
}

/** The connections of one vendor. */
export interface VendorGroup {
  id: string;
  vendor: string;
  connections: ConnectionGroup[];
  counts: StatusCounts;
}

/** Certificates per status. */
export type StatusCounts = Record<TimelineStatus, number>;

/** Zero of every status. */
export function emptyCounts(): StatusCounts {
  return Object.fromEntries(TIMELINE_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/**
 * Greedy interval partitioning: the track of each interval (in input order) so that intervals on
 * one track never overlap, using as few tracks as possible.
 */
export function packTracks(intervals: readonly { start: number; end: number }[]): number[] {
  const order = intervals
    .map((_, i) => i)
    .sort((a, b) => intervals[a]!.start - intervals[b]!.start || intervals[a]!.end - intervals[b]!.end);
  const trackEnds: number[] = [];
  const tracks = new Array<number>(intervals.length).fill(0);
  for (const i of order) {
    const { start, end } = intervals[i]!;
    let track = trackEnds.findIndex((trackEnd) => trackEnd < start);
    if (track === -1) track = trackEnds.push(end) - 1;
    else trackEnds[track] = end;
    tracks[i] = track;
  }
  return tracks;
}

// One collator for every sort: localeCompare builds one per call (slow with 5,000 items), and
// numeric order puts "set 9" before "set 10".
const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

function buildLane(id: string, certs: TimelineCertificate[], now: Date): TimelineLane {
  const spans0 = certs.map((cert) => ({
    cert,
    start: Date.parse(cert.notBefore),
    end: Date.parse(cert.notAfter),
  }));
  spans0.sort(
    (a, b) => a.start - b.start || (a.cert.key < b.cert.key ? -1 : a.cert.key > b.cert.key ? 1 : 0),
  );
  const sorted = spans0.map((s) => s.cert);
  const spans = spans0;
  const tracks = packTracks(spans);
  const first = sorted[0]!;
  return {
    id,
    label: first.setLabel,
    href: first.setHref,
    vendor: first.vendor,
    connectionName: first.connectionName,
    bars: sorted.map((cert, i) => ({
      cert,
      start: spans[i]!.start,
      end: spans[i]!.end,
      status: certificateStatus(cert, now, sorted),
      track: tracks[i]!,
    })),
    tracks: tracks.reduce((max, t) => Math.max(max, t + 1), 1),
  };
}

function bucket<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }
  return map;
}

function addCounts(into: StatusCounts, bars: readonly TimelineBar[]): void {
  for (const bar of bars) into[bar.status]++;
}

/**
 * Group certificates by vendor, then connection, then set (one lane each). Vendors follow
 * `vendorOrder` (unknown ones last, alphabetically); connections and sets sort by name.
 */
export function groupCertificates(
  certs: readonly TimelineCertificate[],
  now: Date,
  vendorOrder: readonly string[] = [],
): VendorGroup[] {
  const rank = (vendor: string) => {
    const i = vendorOrder.indexOf(vendor);
    return i === -1 ? vendorOrder.length : i;
  };
  const byVendor = [...bucket(certs, (c) => c.vendor)].sort(
    ([a], [b]) => rank(a) - rank(b) || collator.compare(a, b),
  );
  return byVendor.map(([vendor, vendorCerts]) => {
    const connections = [...bucket(vendorCerts, (c) => c.connectionId)].map(
      ([connectionId, connCerts]): ConnectionGroup => {
        const lanes = [...bucket(connCerts, (c) => c.setId)].map(([setId, setCerts]) =>
          buildLane(`s:${connectionId}:${setId}`, setCerts, now),
        );
        lanes.sort((a, b) => collator.compare(a.label, b.label) || collator.compare(a.id, b.id));
        const counts = emptyCounts();
        for (const lane of lanes) addCounts(counts, lane.bars);
        return { id: `c:${connectionId}`, vendor, name: connCerts[0]!.connectionName, lanes, counts };
      },
    );
    connections.sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.id, b.id));
    const counts = emptyCounts();
    for (const connection of connections)
      for (const status of TIMELINE_STATUSES) counts[status] += connection.counts[status];
    return { id: `v:${vendor}`, vendor, connections, counts };
  });
}

/** One row of the virtualised list: a vendor or connection heading, or a set's lane. */
export type TimelineRow =
  | { kind: "vendor"; id: string; group: VendorGroup; collapsed: boolean }
  | { kind: "connection"; id: string; group: ConnectionGroup; collapsed: boolean }
  | { kind: "lane"; id: string; lane: TimelineLane };

/** The rows to draw, skipping everything inside a collapsed group (ids in `collapsed`). */
export function flattenRows(groups: readonly VendorGroup[], collapsed: ReadonlySet<string>): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const group of groups) {
    const vendorCollapsed = collapsed.has(group.id);
    rows.push({ kind: "vendor", id: group.id, group, collapsed: vendorCollapsed });
    if (vendorCollapsed) continue;
    for (const connection of group.connections) {
      const connectionCollapsed = collapsed.has(connection.id);
      rows.push({ kind: "connection", id: connection.id, group: connection, collapsed: connectionCollapsed });
      if (connectionCollapsed) continue;
      for (const lane of connection.lanes) rows.push({ kind: "lane", id: lane.id, lane });
    }
  }
  return rows;
}

/** Every group id, to collapse all. */
export function allGroupIds(groups: readonly VendorGroup[]): string[] {
  return groups.flatMap((group) => [group.id, ...group.connections.map((c) => c.id)]);
}

export const HEADING_ROW_PX = 30;
export const TRACK_PX = 22;
const LANE_PADDING_PX = 8;

/** Row heights are known from the data alone, so the virtualiser never measures the DOM. */
export function rowHeight(row: TimelineRow): number {
  return row.kind === "lane" ? LANE_PADDING_PX + row.lane.tracks * TRACK_PX : HEADING_ROW_PX;
}

/** A certificate reachable with the arrow keys: its key and the row it is drawn on. */
export interface NavigableBar {
  key: string;
  rowIndex: number;
}

/** Every certificate in visible rows, top to bottom then left to right: the order of ↑ / ↓. */
export function navigableBars(rows: readonly TimelineRow[]): NavigableBar[] {
  const out: NavigableBar[] = [];
  rows.forEach((row, rowIndex) => {
    if (row.kind !== "lane") return;
    // Bars are sorted by start already; walking track by track gives top-to-bottom, left-to-right.
    for (let track = 0; track < row.lane.tracks; track++)
      for (const bar of row.lane.bars) if (bar.track === track) out.push({ key: bar.cert.key, rowIndex });
  });
  return out;
}
