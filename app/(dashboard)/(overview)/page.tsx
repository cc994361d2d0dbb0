import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/card";
import { currentActor } from "@/lib/auth/session";
import { OverviewContent } from "./overview-content";

export const metadata: Metadata = { title: "Overview" };

/** While the inventory is read: as tall as the first sections, so nothing moves when they come. */
function ReadingInventory() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-6">
      <div className="h-36 rounded-lg bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-28 rounded-lg bg-zinc-200 dark:bg-zinc-800" />
      <span className="sr-only">Reading the inventory…</span>
    </div>
  );
}

export default async function OverviewPage() {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  // The header paints at once; the sections that read the inventory stream in after it.
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
      <Suspense fallback={<ReadingInventory />}>
        <OverviewContent actor={actor} />
      </Suspense>
    </>
  );
}
