// What the section forms may send. A section's slug is made from its name when it is added and then
// kept, so links to it keep working after a rename.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { expectedUpdatedAtInput } from "@/lib/catalogue/indicator-input";

export const sectionName = text("The section name", { error: "Enter the section name" })
  .trim()
  .transform((s) => s.replace(/\s+/g, " "))
  .pipe(z.string().min(1, "Enter the section name").max(80, "The section name must be 80 characters or fewer"));

export const newSectionInput = z.object({ name: sectionName });
export const sectionRenameInput = z.object({
  id: z.guid({ error: "This section no longer exists" }),
  name: sectionName,
  expectedUpdatedAt: expectedUpdatedAtInput,
});
export const sectionMoveInput = z.object({
  id: z.guid({ error: "This section no longer exists" }),
  direction: z.enum(["up", "down"], { error: "Choose up or down" }),
});
export const sectionOwnersInput = z.object({
  id: z.guid({ error: "This section no longer exists" }),
  ownerIds: z
    .array(z.guid({ error: "Choose owners from the list" }))
    .max(100)
    .transform((ids) => [...new Set(ids)]),
  expectedUpdatedAt: expectedUpdatedAtInput,
});

export type NewSectionInput = z.infer<typeof newSectionInput>;
export type SectionRenameInput = z.infer<typeof sectionRenameInput>;
export type SectionMoveInput = z.infer<typeof sectionMoveInput>;
export type SectionOwnersInput = z.infer<typeof sectionOwnersInput>;

/** "Timescales / Child protection" -> "timescales-child-protection". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "section";
}
