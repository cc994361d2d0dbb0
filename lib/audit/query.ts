import "server-only";
import { and, desc, eq, gte, ilike, lt, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import type { AuditFilter } from "./schemas";

export type AuditEventRow = typeof auditEvents.$inferSelect;

export const AUDIT_PAGE_SIZE = 50;

function conditions(filter: AuditFilter): SQL[] {
  const where: SQL[] = [];
  if (filter.actor) where.push(ilike(auditEvents.actorName, `%${escapeLike(filter.actor)}%`));
  if (filter.action) where.push(ilike(auditEvents.action, `${escapeLike(filter.action)}%`));
  if (filter.target) {
    const pattern = `%${escapeLike(filter.target)}%`;
    where.push(
      or(
        ilike(auditEvents.targetLabel, pattern),
        ilike(auditEvents.targetId, pattern),
        ilike(auditEvents.targetType, pattern),
      )!,
    );
  }
  if (filter.outcome) where.push(eq(auditEvents.outcome, filter.outcome));
  if (filter.from) where.push(gte(auditEvents.occurredAt, filter.from));
  if (filter.to) where.push(lt(auditEvents.occurredAt, filter.to));
  return where;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** One page of audit events, newest first, with the total count for the filter. */
export async function queryAuditEvents(
  db: Database,
  filter: AuditFilter,
): Promise<{ rows: AuditEventRow[]; total: number; pageCount: number }> {
  const where = and(...conditions(filter));
  const page = filter.page ?? 1;
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(where),
  ]);
  const total = count?.total ?? 0;
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

/** The audit history of one target (e.g. a certificate set), newest first. */
export async function auditHistoryOf(
  db: Database,
  targetType: string,
  targetId: string,
  limit = 50,
): Promise<AuditEventRow[]> {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.targetType, targetType), eq(auditEvents.targetId, targetId)))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(limit);
}
