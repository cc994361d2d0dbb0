import type { Database } from "@/lib/db/client";

type Query = (text: unknown, ...rest: unknown[]) => unknown;
type Queryable = { query: Query; exec?: Query };

/** The text of a statement as a driver receives it (a string, or node-postgres' `{ text }`). */
const textOf = (statement: unknown) =>
  typeof statement === "string" ? statement : String((statement as { text?: unknown })?.text ?? "");

/**
 * Records every statement a database handle sends to its engine, on PGlite (its `query`, `exec`
 * and transactions, BEGIN and COMMIT included) and on a node-postgres pool (the pool's queries
 * and those of the clients it lends, as for a transaction). Test support: `stop` puts the
 * handle back as it was.
 */
export function recordStatements(db: Database): { statements: string[]; stop: () => void } {
  const statements: string[] = [];
  const client = (db as unknown as { $client: Queryable & Record<string, unknown> }).$client;
  const restore: (() => void)[] = [];
  const wrap = (target: Queryable, method: "query" | "exec") => {
    const original = target[method];
    if (!original) return;
    target[method] = (statement, ...rest) => {
      statements.push(textOf(statement));
      return original.call(target, statement, ...rest);
    };
    restore.push(() => (target[method] = original));
  };
  wrap(client, "query");
  if ("totalCount" in client) {
    type Lent = Queryable & { release: () => void };
    const pool = client as unknown as { connect: (...callback: unknown[]) => Promise<Lent> };
    const connect = pool.connect;
    pool.connect = async (...callback) => {
      // The pool's own `query` borrows a client with a callback: its statement is counted already.
      if (callback.length > 0) return connect.apply(pool, callback);
      const lent = await connect.call(pool);
      const query = lent.query;
      lent.query = (statement, ...rest) => {
        statements.push(textOf(statement));
        return query.call(lent, statement, ...rest);
      };
      const release = lent.release;
      lent.release = () => {
        lent.query = query;
        lent.release = release;
        release.call(lent);
      };
      return lent;
    };
    restore.push(() => (pool.connect = connect));
  } else {
    wrap(client, "exec");
    const pglite = client as unknown as { transaction: (fn: (tx: Queryable) => unknown) => Promise<unknown> };
    const transaction = pglite.transaction;
    pglite.transaction = (fn) => {
      statements.push("BEGIN");
      return transaction
        .call(pglite, (tx) => {
          wrap(tx, "query");
          wrap(tx, "exec");
          return fn(tx);
        })
        .finally(() => statements.push("COMMIT"));
    };
    restore.push(() => (pglite.transaction = transaction));
  }
  return { statements, stop: () => restore.reverse().forEach((undo) => undo()) };
}
