// Renames a section. The slug stays, so links and bookmarks to it keep working.
import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { assertSectionNameFree, claimSectionVersion, duplicateSectionName } from "@/lib/sections/section-rules";
import type { SectionRenameInput } from "@/lib/sections/section-input";
import { isUniqueViolation } from "@/lib/errors";

export async function renameSection(actor: SessionUser | null | undefined, input: SectionRenameInput) {
  assertCan(actor, "section.manage");
  try {
    return await db.$transaction(async (tx) => {
      await assertSectionNameFree(tx, input.name, input.id);
      const before = await claimSectionVersion(tx, input.id, input.expectedUpdatedAt, { name: input.name });
      if (before.name !== input.name) {
        await recordAudit(tx, actor, {
          action: "section.renamed",
          entityType: "Section",
          entityId: input.id,
          before: { name: before.name },
          after: { name: input.name },
        });
      }
      return { ...before, name: input.name };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateSectionName(input.name);
    throw e;
  }
}
