// Adds a section at the end of the pack. Its slug comes from the name, made unique with a number
// when another section already uses it.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { assertSectionNameFree, duplicateSectionName } from "@/lib/sections/section-rules";
import { slugify, type NewSectionInput } from "@/lib/sections/section-input";
import { isUniqueViolation } from "@/lib/errors";

export async function createSection(actor: SessionUser | null | undefined, input: NewSectionInput) {
  assertCan(actor, "section.manage");
  try {
    return await db.$transaction(async (tx) => {
      await assertSectionNameFree(tx, input.name);
      const slug = await freeSlug(tx, slugify(input.name));
      const { _max } = await tx.section.aggregate({ _max: { order: true } });
      const created = await tx.section.create({ data: { name: input.name, slug, order: (_max.order ?? 0) + 1 } });
      await recordAudit(tx, actor, {
        action: "section.created",
        entityType: "Section",
        entityId: created.id,
        after: { name: created.name, slug, order: created.order },
      });
      return created;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateSectionName(input.name);
    throw e;
  }
}

async function freeSlug(tx: Tx, base: string): Promise<string> {
  const taken = new Set((await tx.section.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((s) => s.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
