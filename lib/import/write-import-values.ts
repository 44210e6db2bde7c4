// The confirmation's writes, set-based so 10,000 rows cost a handful of statements rather than
// 30,000 round trips. Same effect per row as applyValueChange (lib/values/apply-value-change.ts):
// revision 1 for new values, revision + 1 with compare-and-set for changed ones, a ValueRevision row
// for each, and revisedAfterSubmission once commentary has been submitted for the month. Each value
// written gets the provenance given for its indicator (a figure computed from Annex A lists), or
// loses any it had: a value typed or imported over a computed one is no longer computed.
import "server-only";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import type { PreviewRow } from "@/lib/import/import-preview";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/errors";

export const IMPORT_CONFLICT =
  "Someone changed some of these values while you were checking the preview, so nothing has been imported. Upload the file again to see the current preview.";

type Target = { periodId: string; revisedAfterSubmission: boolean; provenance?: ReadonlyMap<string, object> };

export async function writeImportValues(
  tx: Tx,
  actor: SessionUser,
  target: Target,
  rows: PreviewRow[],
): Promise<{ created: number; changed: number }> {
  const created = rows.filter((r) => r.status === "new");
  const changed = rows.filter((r) => r.status === "changed");
  if (created.length) await insertValues(tx, actor, target, created);
  if (changed.length) await updateValues(tx, actor, target, changed);
  return { created: created.length, changed: changed.length };
}

async function insertValues(tx: Tx, actor: SessionUser, target: Target, rows: PreviewRow[]) {
  const indicatorIds = rows.map((r) => r.indicator!.id);
  const values = rows.map((r) => r.next!.value);
  const reasons = rows.map((r) => r.next!.notAvailableReason);
  const notes = rows.map((r) => r.next!.note ?? null);
  const provenance = provenanceOf(target, rows);
  let count: number;
  try {
    count = await tx.$executeRaw`
      WITH inserted AS (
        INSERT INTO "IndicatorValue" (id, "indicatorId", "periodId", value, "notAvailableReason", note, source, revision, "revisedAfterSubmission", "updatedById", "updatedByName", "updatedAt", provenance)
        SELECT gen_random_uuid(), u.indicator_id, ${target.periodId}::uuid, u.value, u.reason, u.note, 'IMPORT'::"ValueSource", 1, ${target.revisedAfterSubmission}, ${actor.id}::uuid, ${actor.name}, (now() AT TIME ZONE 'UTC'), u.provenance::jsonb
        FROM unnest(${indicatorIds}::uuid[], ${values}::float8[], ${reasons}::text[], ${notes}::text[], ${provenance}::text[]) AS u(indicator_id, value, reason, note, provenance)
        RETURNING id, value, "notAvailableReason"
      )
      INSERT INTO "ValueRevision" (id, "valueId", revision, "newValue", "newNotAvailableReason", source, "actorId", "actorName", "createdAt")
      SELECT gen_random_uuid(), inserted.id, 1, inserted.value, inserted."notAvailableReason", 'IMPORT'::"ValueSource", ${actor.id}::uuid, ${actor.name}, (now() AT TIME ZONE 'UTC')
      FROM inserted`;
  } catch (e) {
    // A value was entered for one of these indicators after the preview: the unique key refuses it.
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", IMPORT_CONFLICT);
    throw e;
  }
  if (count !== rows.length) throw new AppError("CONFLICT", IMPORT_CONFLICT);
}

async function updateValues(tx: Tx, actor: SessionUser, target: Target, rows: PreviewRow[]) {
  const ids = rows.map((r) => r.previous!.id);
  const expected = rows.map((r) => r.previous!.revision);
  const oldValues = rows.map((r) => r.previous!.value);
  const oldReasons = rows.map((r) => r.previous!.notAvailableReason);
  const values = rows.map((r) => r.next!.value);
  const reasons = rows.map((r) => r.next!.notAvailableReason);
  const keepNote = rows.map((r) => r.next!.note === undefined);
  const notes = rows.map((r) => r.next!.note ?? null);
  const provenance = provenanceOf(target, rows);
  // Compare-and-set: a row whose revision moved on since the preview is not updated, so the count falls short.
  const count = await tx.$executeRaw`
    WITH updated AS (
      UPDATE "IndicatorValue" AS v
      SET value = u.value, "notAvailableReason" = u.reason, note = CASE WHEN u.keep_note THEN v.note ELSE u.note END,
          source = 'IMPORT'::"ValueSource", revision = v.revision + 1, provenance = u.provenance::jsonb, "revisedAfterSubmission" = v."revisedAfterSubmission" OR ${target.revisedAfterSubmission},
          "updatedById" = ${actor.id}::uuid, "updatedByName" = ${actor.name}, "updatedAt" = (now() AT TIME ZONE 'UTC')
      FROM unnest(${ids}::uuid[], ${expected}::int[], ${values}::float8[], ${reasons}::text[], ${notes}::text[], ${keepNote}::bool[], ${oldValues}::float8[], ${oldReasons}::text[], ${provenance}::text[])
        AS u(id, expected, value, reason, note, keep_note, old_value, old_reason, provenance)
      WHERE v.id = u.id AND v.revision = u.expected AND v."periodId" = ${target.periodId}::uuid
      RETURNING v.id, v.revision, v.value, v."notAvailableReason", u.old_value, u.old_reason
    )
    INSERT INTO "ValueRevision" (id, "valueId", revision, "oldValue", "newValue", "oldNotAvailableReason", "newNotAvailableReason", source, "actorId", "actorName", "createdAt")
    SELECT gen_random_uuid(), updated.id, updated.revision, updated.old_value, updated.value, updated.old_reason, updated."notAvailableReason", 'IMPORT'::"ValueSource", ${actor.id}::uuid, ${actor.name}, (now() AT TIME ZONE 'UTC')
    FROM updated`;
  if (count !== rows.length) throw new AppError("CONFLICT", IMPORT_CONFLICT);
}

/** Each row's provenance as JSON text for PostgreSQL to read as jsonb, or null. */
function provenanceOf(target: Target, rows: PreviewRow[]): (string | null)[] {
  return rows.map((r) => {
    const p = target.provenance?.get(r.indicator!.id);
    return p ? JSON.stringify(p) : null;
  });
}
