import "server-only";
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/**
 * The `SET` of an `ON CONFLICT DO UPDATE` in which every column of `table` but `kept` takes the
 * value of the row being inserted (`excluded`): one multi-row upsert then writes each row as given.
 */
export function excludedSet(table: PgTable, kept: readonly string[]): Record<string, SQL> {
  return Object.fromEntries(
    Object.entries(getTableColumns(table))
      .filter(([name]) => !kept.includes(name))
      .map(([name, column]) => [name, sql.raw(`excluded."${column.name}"`)]),
  );
}
