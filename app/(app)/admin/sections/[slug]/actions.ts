"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/define-action";
import { formValues } from "@/lib/action-result";
import { sectionOwnersInput, sectionRenameInput } from "@/lib/sections/section-input";
import { renameSection } from "@/lib/sections/rename-section";
import { setSectionOwners } from "@/lib/sections/set-section-owners";

export const renameSectionAction = formAction({
  schema: sectionRenameInput,
  permission: "section.manage",
  keepValues: true,
  run: renameSection,
  done: (renamed) => {
    revalidatePath("/admin", "layout");
    return { data: undefined, message: `Section renamed to ${renamed.name}`, values: {} };
  },
  refused: () => revalidatePath("/admin/sections", "layout"),
});

export const setSectionOwnersAction = formAction({
  schema: sectionOwnersInput,
  permission: "section.manage",
  keepValues: true,
  read: (form) => ({ ...formValues(form), ownerIds: form.getAll("ownerIds").filter((v) => typeof v === "string") }),
  run: setSectionOwners,
  done: ({ added, removed, owners }) => {
    revalidatePath("/admin/sections", "layout");
    const who = owners.length ? `Owners: ${listNames(owners)}` : "This section has no owner";
    return { data: undefined, message: added.length || removed.length ? `Owners saved. ${who}` : `Nothing to save. ${who}`, values: {} };
  },
  refused: () => revalidatePath("/admin/sections", "layout"),
});

function listNames(names: string[]): string {
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
