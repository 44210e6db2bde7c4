// Chooses which service leads own a section (and so may enter its figures and commentary). Newly
// added owners must be active service leads; existing owners may be kept or removed.
import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { claimSectionVersion } from "@/lib/sections/section-rules";
import type { SectionOwnersInput } from "@/lib/sections/section-input";

export async function setSectionOwners(actor: SessionUser | null | undefined, input: SectionOwnersInput) {
  assertCan(actor, "section.manage");
  return db.$transaction(async (tx) => {
    const section = await claimSectionVersion(tx, input.id, input.expectedUpdatedAt);
    const current = await tx.sectionOwner.findMany({
      where: { sectionId: input.id },
      select: { user: { select: { id: true, name: true } } },
    });
    const currentIds = new Set(current.map((o) => o.user.id));
    const added = input.ownerIds.filter((id) => !currentIds.has(id));
    const removed = current.filter((o) => !input.ownerIds.includes(o.user.id)).map((o) => o.user);
    const addedUsers = await tx.user.findMany({
      where: { id: { in: added }, role: "SERVICE_LEAD", active: true },
      select: { id: true, name: true },
    });
    if (addedUsers.length !== added.length) {
      throw new AppError("VALIDATION", "There is a problem", {
        ownerIds: "Owners must be active service leads. Someone you chose has changed role or been deactivated: check the list again",
      });
    }
    if (removed.length) await tx.sectionOwner.deleteMany({ where: { sectionId: input.id, userId: { in: removed.map((u) => u.id) } } });
    if (added.length) await tx.sectionOwner.createMany({ data: added.map((userId) => ({ sectionId: input.id, userId })) });
    const owners = [...current.map((o) => o.user).filter((u) => input.ownerIds.includes(u.id)), ...addedUsers].map((u) => u.name).sort();
    if (added.length || removed.length) {
      await recordAudit(tx, actor, {
        action: "section.owners.changed",
        entityType: "Section",
        entityId: input.id,
        before: { section: section.name, owners: current.map((o) => o.user.name).sort() },
        after: { section: section.name, owners, added: addedUsers.map((u) => u.name), removed: removed.map((u) => u.name) },
      });
    }
    return { added: addedUsers, removed, owners };
  });
}
