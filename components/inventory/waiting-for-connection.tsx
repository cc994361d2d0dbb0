/**
 * The Suspense fallback of one connection's section: says whose data the page is still waiting
 * for. `card` mirrors the certificate list's connection card (border, name, one line, a button's
 * height), so the grid keeps its rows when the card streams in and nothing below it moves.
 */
export function WaitingForConnection({ name, card = false }: { name: string; card?: boolean }) {
  const waiting = (
    <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
      Still waiting for {name}…
    </p>
  );
  if (card)
    return (
      <section
        aria-busy="true"
        className="space-y-1 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
        data-testid="waiting-for-connection"
      >
        <h2 className="font-semibold break-words">{name}</h2>
        <div className="flex flex-wrap items-center justify-between gap-2">
          {waiting}
          <div aria-hidden className="h-8 w-44 animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-900" />
        </div>
      </section>
    );
  return (
    <section aria-busy="true" className="space-y-2" data-testid="waiting-for-connection">
      <h2 className="text-lg font-semibold">{name}</h2>
      {waiting}
      <div className="h-16 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900" />
    </section>
  );
}
