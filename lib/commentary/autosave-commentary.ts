// Autosave keeps a draft safe while the owner types, without a revision per keystroke: it updates
// the body under the same compare-and-set rule; the next "Save draft" or "Submit" records a revision.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can, canEditSection } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { assertPeriodEditable } from "@/lib/periods/editable";
import { loadCommentaryContext } from "@/lib/commentary/load-commentary-context";
import { CONFLICT_MESSAGE, normaliseBody } from "@/lib/commentary/transition-commentary";
import { MAX_COMMENTARY_LENGTH, planTransition } from "@/lib/commentary/workflow";

export async function autosaveCommentary(user: SessionUser, input: { month: string; slug: string; expectedVersion: number; body: string }) {
  const { period, section, ownerIds, commentary } = await loadCommentaryContext(input.month, input.slug);
  if (!can(user.role, "commentary.draft") || !canEditSection(user, ownerIds)) throw new AppError("FORBIDDEN", "Only the section's owners can edit its commentary");
  const plan = planTransition(commentary?.status ?? "NOT_STARTED", "save", "owner");
  if (!plan.ok) throw new AppError("INVALID_TRANSITION", plan.message);
  assertPeriodEditable(period);
  const body = normaliseBody(input.body);
  if (body.length > MAX_COMMENTARY_LENGTH) throw new AppError("VALIDATION", "There is a problem", { body: `Commentary must be ${MAX_COMMENTARY_LENGTH.toLocaleString("en-GB")} characters or fewer` });
  if ((commentary?.version ?? 0) !== input.expectedVersion) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
  if (commentary && commentary.body === body) return { version: commentary.version, savedAt: commentary.updatedAt };

  if (!commentary) {
    try {
      const created = await db.commentary.create({ data: { sectionId: section.id, periodId: period.id, body, status: "DRAFT", updatedById: user.id, updatedByName: user.name } });
      return { version: created.version, savedAt: created.updatedAt };
    } catch (e) {
      if ((e as { code?: string }).code === "P2002") throw new AppError("CONFLICT", CONFLICT_MESSAGE);
      throw e;
    }
  }
  const updated = await db.commentary.updateMany({
    where: { id: commentary.id, version: commentary.version, status: commentary.status },
    data: { body, version: { increment: 1 }, updatedById: user.id, updatedByName: user.name },
  });
  if (updated.count !== 1) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
  return { version: commentary.version + 1, savedAt: new Date() };
}
