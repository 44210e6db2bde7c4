// The audit log page: one page of events, newest first, with the choices its filters offer.
import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { AUDIT_PAGE_SIZE, type AuditFilters } from "@/lib/audit/audit-filters";
import { AUDIT_ORDER, auditWhere } from "@/lib/audit/audit-query";
import { entityKey, findEntityNames } from "@/lib/audit/entity-names";

export async function listAuditEvents(actor: SessionUser | null, filters: AuditFilters) {
  assertCan(actor, "audit.view");
  const where = await auditWhere(filters);
  const total = await db.auditEvent.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const rows = await db.auditEvent.findMany({ where, orderBy: AUDIT_ORDER, skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE });
  const names = await findEntityNames(rows);
  const events = rows.map((e) => ({ ...e, id: e.id.toString(), entityName: names.get(entityKey(e)) ?? null }));
  return { events, total, page, pageCount, pageSize: AUDIT_PAGE_SIZE };
}

export type AuditEventRow = Awaited<ReturnType<typeof listAuditEvents>>["events"][number];

/** The actions and entity types that occur in the log, for the filter selects. */
export async function findAuditFilterOptions(actor: SessionUser | null) {
  assertCan(actor, "audit.view");
  const [actions, entityTypes] = await Promise.all([
    db.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
    db.auditEvent.groupBy({ by: ["entityType"], orderBy: { entityType: "asc" } }),
  ]);
  return { actions: actions.map((a) => a.action), entityTypes: entityTypes.map((e) => e.entityType) };
}
