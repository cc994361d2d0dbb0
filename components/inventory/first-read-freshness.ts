"use client";

import { useEffect, useState } from "react";
import { readResultOnDemand } from "@/components/shell/read-result";
import type { InventoryConnection } from "@/lib/inventory/types";

/** While a connection's first read is under way, look at its freshness this often (the database only). */
const FIRST_READ_POLL_MS = 3_000;

type Listener = (connections: InventoryConnection[]) => void;
const listeners = new Set<Listener>();
let timer: ReturnType<typeof setInterval> | null = null;

async function poll(): Promise<void> {
  const result = await readResultOnDemand<{ connections: InventoryConnection[] }>(
    await fetch("/api/inventory/refresh", { headers: { Accept: "application/json" } }).catch(() => null),
  );
  if (result.ok) for (const listener of listeners) listener(result.data.connections);
}

/** One poll for every card of the page that waits: N new connections do not make N requests. */
function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  if (!timer) {
    timer = setInterval(() => void poll(), FIRST_READ_POLL_MS);
    void poll();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/**
 * A connection as last seen: `connection` itself once it has been read, or — while its first
 * read is under way on the server — its freshness as the shared poll last found it.
 */
export function useFirstReadFreshness(connection: InventoryConnection): InventoryConnection {
  const [polled, setPolled] = useState<InventoryConnection | null>(null);
  const waiting = !connection.lastAttemptAt;
  useEffect(() => {
    if (!waiting) return;
    return subscribe((connections) => {
      const found = connections.find((c) => c.id === connection.id);
      if (found) setPolled(found);
    });
  }, [waiting, connection.id]);
  return waiting ? (polled ?? connection) : connection;
}
