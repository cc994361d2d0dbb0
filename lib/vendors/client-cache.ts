import "server-only";

import { createHash } from "node:crypto";

/** Connections whose clients are kept; beyond it the least recently used client is dropped. */
const DEFAULT_MAX_CLIENTS = 1_000;

/**
 * One client per connection as it is now, reused by every call on it (its rate-budget windows, its
 * connection pool and parsed settings are built once, not per request). The key is the
 * connection's id and a digest of all its settings and secrets, so an edited connection or a
 * replaced secret gets a new client and the old one ages out. Bounded, least recently used first.
 */
export function perConnectionClients<C extends { id: string }, T>(
  create: (conn: C) => T,
  maxClients = DEFAULT_MAX_CLIENTS,
): (conn: C) => T {
  const clients = new Map<string, T>();
  return (conn) => {
    const key = `${conn.id}|${createHash("sha256").update(JSON.stringify(conn)).digest("base64url")}`;
    const existing = clients.get(key);
    if (existing !== undefined) {
      clients.delete(key);
      clients.set(key, existing);
      return existing;
    }
    const client = create(conn);
    clients.set(key, client);
    if (clients.size > maxClients) clients.delete(clients.keys().next().value!);
    return client;
  };
}
