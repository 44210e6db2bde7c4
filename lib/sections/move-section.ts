// Moves a section one place up or down the pack. Every section whose position changes is updated
// only if it still has the position that was read, so two moves at once cannot scramble the order.
import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { missingSection } from "@/lib/sections/section-rules";
import type { SectionMoveInput } from "@/lib/sections/section-input";

export async function moveSection(actor: SessionUser | null | undefined, input: SectionMoveInput) {
  assertCan(actor, "section.manage");
  return db.$transaction(async (tx) => {
    const sections = await tx.section.findMany({
      orderBy: [{ order: "asc" }, { name: "asc" }],
      select: { id: true, name: true, order: true },
    });
    const from = sections.findIndex((s) => s.id === input.id);
    if (from < 0) throw missingSection();
    const to = input.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= sections.length) {
      throw new AppError("INVALID_TRANSITION", `${sections[from].name} is already ${input.direction === "up" ? "first" : "last"}`);
    }
    const next = [...sections];
    [next[from], next[to]] = [next[to], next[from]];
    // Usually the two swap positions. If they share a position (older data), every section is
    // renumbered 1..n instead, which repairs the tie.
    const moves =
      sections[from].order !== sections[to].order
        ? [
            { ...sections[from], newOrder: sections[to].order },
            { ...sections[to], newOrder: sections[from].order },
          ]
        : next.map((s, i) => ({ ...s, newOrder: i + 1 })).filter((s) => s.order !== s.newOrder);
    for (const s of moves) {
      const res = await tx.section.updateMany({ where: { id: s.id, order: s.order }, data: { order: s.newOrder } });
      if (res.count !== 1)
        throw new AppError(
          "CONFLICT",
          "Someone else changed the order of the sections at the same time. Check the order now shown, then move the section again if you need to.",
        );
    }
    await recordAudit(tx, actor, {
      action: "section.moved",
      entityType: "Section",
      entityId: input.id,
      before: { position: from + 1, order: sections.map((s) => s.name) },
      after: { position: to + 1, order: next.map((s) => s.name) },
    });
    return { name: sections[from].name, position: to + 1, count: sections.length };
  });
}
