/**
 * The placeholder a list page shows while its server reads run. Detail pages have none on purpose:
 * a loading boundary starts the response (HTTP 200) before the page can answer 404 for an unknown
 * set or credential, so their segments sit outside every loading.tsx.
 */
export function PageSkeleton() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-3">
      <div className="h-6 w-48 rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-4 w-96 rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-40 rounded bg-zinc-200 dark:bg-zinc-800" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}
