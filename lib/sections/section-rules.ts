// Checks shared by adding and renaming sections, and the one version token for a section.
import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const SECTION_CONFLICT =
  "Someone else changed this section while you were editing it, so your change has not been saved. Check what is saved now, then make your change again if it is still right.";

export const sectionConflict = () => new AppError("CONFLICT", SECTION_CONFLICT);
export const missingSection = () => new AppError("NOT_FOUND", "This section no longer exists");
export const duplicateSectionName = (name: string) =>
  new AppError("VALIDATION", "There is a problem", { name: `There is already a section called ${name}` });

export async function assertSectionNameFree(tx: Tx, name: string, exceptId?: string): Promise<void> {
  const clash = await tx.section.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true },
  });
  if (clash) throw duplicateSectionName(clash.name);
}

/** Reads the section and moves its version on (compare-and-set), or refuses. */
export async function claimSectionVersion(tx: Tx, id: string, expectedUpdatedAt: Date, data: { name?: string } = {}) {
  const section = await tx.section.findUnique({ where: { id } });
  if (!section) throw missingSection();
  const updatedAt = new Date(Math.max(Date.now(), expectedUpdatedAt.getTime() + 1));
  const res = await tx.section.updateMany({ where: { id, updatedAt: expectedUpdatedAt }, data: { ...data, updatedAt } });
  if (res.count !== 1) throw sectionConflict();
  return section;
}
