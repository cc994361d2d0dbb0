import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DriftList } from "@/components/overview/drift-list";
import { NextExpiries } from "@/components/overview/next-expiries";
import { OverviewSection } from "@/components/overview/overview-section";
import { StaleConnections } from "@/components/overview/stale-connections";
import { StatusCountTiles } from "@/components/overview/status-counts";
import { WhatBreaksNextHeadline } from "@/components/overview/what-breaks-next";
import { TimelineLoader } from "@/components/timeline/timeline-loader";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { currentActor } from "@/lib/auth/session";
import { DRIFT_ACKNOWLEDGE_ROLE } from "@/lib/inventory/drift-schemas";
import { VENDOR_LABELS, vendorLabel } from "@/lib/vendors/descriptors";
import { getDb } from "@/lib/db/get-db";
import { listPendingWrites } from "@/lib/writes/pending";
import { PendingWritesNotice } from "@/components/writes/pending-writes-notice";
import { readInventory } from "@/lib/inventory/read";
import { timelineFirstScreen } from "@/lib/timeline/first-screen";
import { pickTimelineCertificate } from "@/lib/timeline/pick";
import { countByStatus, nextExpiries, whatBreaksNext } from "@/lib/timeline/summary";
import { acknowledgeDriftAction } from "./actions";

/** The timeline's first screen, lean: the rest of its certificates load after the page. */
function firstScreen(certificates: Parameters<typeof timelineFirstScreen>[0], now: Date) {
  const first = timelineFirstScreen(certificates, now, Object.keys(VENDOR_LABELS));
  return { ...first, certificates: first.certificates.map(pickTimelineCertificate) };
}

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  const db = await getDb();
  const inventory = await readInventory(db);
  const pending = await listPendingWrites(db);
  const now = new Date();
  const { certificates } = inventory;

  return (
    <>
      <PageHeader
        title="Overview"
        description="Every certificate at every connected vendor account, from the last inventory snapshot: what expires next, what changed outside Trustdeck, and which connections could not be read."
        actions={
          <Link
            href="/alerts#inventory-freshness"
            className="inline-flex h-9 items-center rounded-md border border-zinc-300 px-3.5 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            Freshness, refresh and exports
          </Link>
        }
      />
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
