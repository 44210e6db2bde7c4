// The account a /admin/users/[id]/... page is about, for an administrator; 404 when there is none.
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { isAppError } from "@/lib/errors";
import { findUserDetails } from "@/lib/users/find-user-details";

export async function loadUserPage(params: Promise<{ id: string }>) {
  const actor = await requirePermission("user.manage");
  const { id } = await params;
  try {
    return { actor, user: await findUserDetails(actor, id) };
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}
