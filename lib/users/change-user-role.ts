// Gives an account a different role. A service lead who stops being one also stops owning their
// sections, in the same transaction, so no section is left "owned" by someone who cannot edit it.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import { roleLabel, type SessionUser } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record";
import { userSnapshot } from "@/lib/users/user-snapshot";
import { assertAnotherActiveAdministrator, assertNotSelf, findUserForChange, updateUserIfUnchanged } from "@/lib/users/change-guards";

export type ChangeUserRoleInput = { userId: string; role: Role; expectedVersion: number };

export async function changeUserRole(actor: SessionUser | null, input: ChangeUserRoleInput) {
  assertCan(actor, "user.manage");
  assertNotSelf(actor, input.userId, "You cannot change your own role. Ask another administrator to do it.");

  return db.$transaction(async (tx) => {
    const user = await findUserForChange(tx, input.userId);
    if (user.role === input.role) {
      throw new AppError("VALIDATION", "There is a problem", {
        role: `${user.name} is already ${articleFor(input.role)} ${roleLabel[input.role].toLowerCase()}. Choose a different role.`,
      });
    }
    if (user.role === "ADMIN" && user.active) await assertAnotherActiveAdministrator(tx, user.id);

    const owned = await tx.sectionOwner.findMany({
      where: { userId: user.id },
      select: { section: { select: { id: true, name: true } } },
      orderBy: { section: { order: "asc" } },
    });
    const updated = await updateUserIfUnchanged(tx, user, input.expectedVersion, { role: input.role });
    const removedSections = input.role === "SERVICE_LEAD" ? [] : owned.map((o) => o.section.name);
    if (removedSections.length) await tx.sectionOwner.deleteMany({ where: { userId: user.id } });

    await recordAudit(tx, actor, {
      action: "user.roleChanged",
      entityType: "User",
      entityId: user.id,
      before: { ...userSnapshot(user), ...(removedSections.length ? { sectionsOwned: removedSections } : {}) },
      after: { ...userSnapshot(updated), ...(removedSections.length ? { sectionsOwned: [] } : {}) },
    });
    return { user: updated, removedSections };
  });
}

export const articleFor = (role: Role) => (role === "ADMIN" ? "an" : "a");
