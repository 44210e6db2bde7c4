// The audit log as CSV, with the page's filters, streamed in batches so a long log never sits in
// memory whole. The export itself is recorded: who took a copy of the log, and of what.
import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { roleLabel, type SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import type { AuditFilters } from "@/lib/audit/audit-filters";
import { AUDIT_ORDER, auditWhere } from "@/lib/audit/audit-query";
import { entityKey, findEntityNames } from "@/lib/audit/entity-names";
import { describeAction } from "@/lib/audit/audit-labels";
import { csvRow } from "@/lib/audit/audit-csv";

const BATCH = 500;
export const AUDIT_CSV_HEADER = [
  "Time (UTC)",
  "Who",
  "Role",
  "Action",
  "Action code",
  "Entity type",
  "Entity",
  "Entity ID",
  "Period",
  "Before",
  "After",
] as const;

export async function exportAuditCsv(actor: SessionUser | null, filters: Omit<AuditFilters, "page">): Promise<ReadableStream<Uint8Array>> {
  assertCan(actor, "audit.view");
  const where = await auditWhere(filters);
  const recorded = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
  await db.$transaction((tx) =>
    recordAudit(tx, actor, { action: "audit.exported", entityType: "AuditLog", entityId: "export", after: { filters: recorded } }),
  );

  const encoder = new TextEncoder();
  let cursor: bigint | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          // A byte order mark, so Excel reads names with accents as UTF-8.
          controller.enqueue(encoder.encode(`\uFEFF${csvRow(AUDIT_CSV_HEADER)}`));
          return;
        }
        const rows = await db.auditEvent.findMany({
          where,
          orderBy: AUDIT_ORDER,
          take: BATCH,
          ...(cursor === null ? {} : { cursor: { id: cursor }, skip: 1 }),
        });
        if (!rows.length) {
          controller.close();
          return;
        }
        cursor = rows[rows.length - 1].id;
        const names = await findEntityNames(rows);
        const text = rows
          .map((e) =>
            csvRow([
              e.at.toISOString(),
              e.actorName,
              e.actorRole ? roleLabel[e.actorRole] : "",
              describeAction(e.action),
              e.action,
              e.entityType,
              names.get(entityKey(e)) ?? "",
              e.entityId,
              e.periodMonth ?? "",
              e.before ?? "",
              e.after ?? "",
            ]),
          )
          .join("");
        controller.enqueue(encoder.encode(text));
        if (rows.length < BATCH) controller.close();
      } catch (e) {
        console.error("The audit log export failed part-way", e);
        controller.error(e);
      }
    },
  });
}
