// Writes one indicator value inside a caller's transaction, with its revision row. Used by the
// grid (one cell) and the import (many rows). The caller has already authorised and validated.
import "server-only";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import type { ValueSource } from "@/lib/generated/prisma/enums";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

export type ValueChange = {
  indicatorId: string;
  periodId: string;
  value: number | null;
  notAvailableReason: string | null;
  note?: string | null;
  source: ValueSource;
  /** Compare-and-set: the revision the editor saw (0 when there was no value). Omit to skip. */
  expectedRevision?: number;
};

export type ValueChangeOutcome = "created" | "changed" | "unchanged";

/**
 * Creates or updates the value. When `expectedRevision` is given and the stored revision differs,
 * it throws CONFLICT and writes nothing. `commentaryFirstSubmittedAt` marks later changes as revised.
 */
export async function applyValueChange(
  tx: Tx,
  actor: SessionUser,
  change: ValueChange,
  commentaryFirstSubmittedAt: Date | null,
): Promise<{ outcome: ValueChangeOutcome; revision: number }> {
  const existing = await tx.indicatorValue.findUnique({
    where: { indicatorId_periodId: { indicatorId: change.indicatorId, periodId: change.periodId } },
  });
  const conflict = () =>
    new AppError(
      "CONFLICT",
      "Someone else changed this value while you were editing it. Your value has not been saved: check theirs and save again if yours is right.",
    );

  if (!existing) {
    if (change.expectedRevision !== undefined && change.expectedRevision !== 0) throw conflict();
    try {
      const created = await tx.indicatorValue.create({
        data: {
          indicatorId: change.indicatorId,
          periodId: change.periodId,
          value: change.value,
          notAvailableReason: change.notAvailableReason,
          note: change.note ?? null,
          source: change.source,
          revision: 1,
          revisedAfterSubmission: commentaryFirstSubmittedAt !== null,
          updatedById: actor.id,
          updatedByName: actor.name,
          revisions: {
            create: {
              revision: 1,
              newValue: change.value,
              newNotAvailableReason: change.notAvailableReason,
              source: change.source,
              actorId: actor.id,
              actorName: actor.name,
            },
          },
        },
      });
      return { outcome: "created", revision: created.revision };
    } catch (e) {
      // Two first saves at once: the unique key lets only one through.
      if (isUniqueViolation(e)) throw conflict();
      throw e;
    }
  }

  if (change.expectedRevision !== undefined && change.expectedRevision !== existing.revision) throw conflict();
  const same =
    existing.value === change.value &&
    existing.notAvailableReason === change.notAvailableReason &&
    (change.note === undefined || (existing.note ?? null) === (change.note ?? null));
  if (same) return { outcome: "unchanged", revision: existing.revision };

  const revision = existing.revision + 1;
  const updated = await tx.indicatorValue.updateMany({
    where: { id: existing.id, revision: existing.revision },
    data: {
      value: change.value,
      notAvailableReason: change.notAvailableReason,
      note: change.note === undefined ? existing.note : change.note,
      source: change.source,
      revision,
      revisedAfterSubmission: existing.revisedAfterSubmission || commentaryFirstSubmittedAt !== null,
      // A value typed over a computed one is no longer computed (lib/annex-a/provenance.ts).
      provenance: Prisma.DbNull,
      updatedById: actor.id,
      updatedByName: actor.name,
      updatedAt: new Date(),
    },
  });
  if (updated.count !== 1) throw conflict();
  await tx.valueRevision.create({
    data: {
      valueId: existing.id,
      revision,
      oldValue: existing.value,
      newValue: change.value,
      oldNotAvailableReason: existing.notAvailableReason,
      newNotAvailableReason: change.notAvailableReason,
      source: change.source,
      actorId: actor.id,
      actorName: actor.name,
    },
  });
  return { outcome: "changed", revision };
}
