import Link from "next/link";
import { DriftList } from "@/components/overview/drift-list";
import { NextExpiries } from "@/components/overview/next-expiries";
import { OverviewSection } from "@/components/overview/overview-section";
import { StaleConnections } from "@/components/overview/stale-connections";
import { StatusCountTiles } from "@/components/overview/status-counts";
import { WhatBreaksNextHeadline } from "@/components/overview/what-breaks-next";
import { TimelineLoader } from "@/components/timeline/timeline-loader";
import { Alert } from "@/components/ui/alert";
import { PendingWritesNotice } from "@/components/writes/pending-writes-notice";
import { hasRole } from "@/lib/auth/roles";
import type { Actor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/get-db";
import { DRIFT_ACKNOWLEDGE_ROLE } from "@/lib/inventory/drift-schemas";
import { readInventory } from "@/lib/inventory/read";
import { timelineFirstScreen } from "@/lib/timeline/first-screen";
import { pickTimelineCertificate } from "@/lib/timeline/pick";
import { countByStatus, nextExpiries, whatBreaksNext } from "@/lib/timeline/summary";
import { VENDOR_LABELS, vendorLabel } from "@/lib/vendors/descriptors";
import { listPendingWrites } from "@/lib/writes/pending";
import { acknowledgeDriftAction } from "./actions";

/** The timeline's first screen, lean: the rest of its certificates load after the page. */
function firstScreen(certificates: Parameters<typeof timelineFirstScreen>[0], now: Date) {
  const first = timelineFirstScreen(certificates, now, Object.keys(VENDOR_LABELS));
  return { ...first, certificates: first.certificates.map(pickTimelineCertificate) };
}

/** Everything of the Overview that reads the inventory, streamed in after the page's header. */
export async function OverviewContent({ actor }: { actor: Actor }) {
  const db = await getDb();
  const inventory = await readInventory(db);
  const pending = await listPendingWrites(db);
  const now = new Date();
  const { certificates } = inventory;

  return (
    <>
      <PendingWritesNotice writes={pending} />
      {certificates.length === 0 ? (
        <Alert className="mb-6" title="The inventory is empty">
          No snapshot holds a certificate yet: add a{" "}
          <Link href="/connections" className="underline">
            connection
          </Link>
          , then refresh the inventory on the{" "}
          <Link href="/alerts#inventory-freshness" className="underline">
            Alerts
          </Link>{" "}
          page (“Refresh all”, operators and admins) or wait for the scheduled refresh.
        </Alert>
      ) : null}
      <OverviewSection title="What breaks next" className="mb-6">
        <WhatBreaksNextHeadline
          summary={whatBreaksNext(certificates, now, inventory.emptySets)}
          now={now}
          vendorLabel={vendorLabel}
        />
      </OverviewSection>
      <OverviewSection title="By status" className="mb-6">
        <StatusCountTiles counts={countByStatus(certificates, now)} />
      </OverviewSection>
      <OverviewSection title="Expiry timeline" className="mb-6">
        <TimelineLoader
          first={firstScreen(certificates, now)}
          now={now.toISOString()}
          vendorLabels={VENDOR_LABELS}
        />
      </OverviewSection>
      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <OverviewSection title="Drift">
          <DriftList
            events={inventory.drift}
            acknowledge={hasRole(actor.role, DRIFT_ACKNOWLEDGE_ROLE) ? acknowledgeDriftAction : undefined}
          />
        </OverviewSection>
        <OverviewSection title="Stale connections">
          <StaleConnections connections={inventory.connections} vendorLabel={vendorLabel} />
        </OverviewSection>
      </div>
      <OverviewSection title="Next ten expiries sign-in depends on">
        <NextExpiries items={nextExpiries(certificates, now, 10)} now={now} vendorLabel={vendorLabel} />
      </OverviewSection>
    </>
  );
}
