/** The Suspense fallback of one connection's section: says whose data the page is still waiting for. */
export function WaitingForConnection({ name }: { name: string }) {
  return (
    <section aria-busy="true" className="space-y-2" data-testid="waiting-for-connection">
      <h2 className="text-lg font-semibold">{name}</h2>
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Still waiting for {name}…
      </p>
      <div className="h-16 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900" />
    </section>
  );
}
