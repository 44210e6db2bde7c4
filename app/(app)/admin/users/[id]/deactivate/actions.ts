"use server";
import { formAction, refreshOnConflict } from "@/lib/define-action";
import { userVersionSchema } from "@/lib/users/user-input";
import { deactivateUser } from "@/lib/users/deactivate-user";

export const deactivateUserAction = formAction({
  schema: userVersionSchema,
  permission: "user.manage",
  refused: refreshOnConflict,
  run: deactivateUser,
  done: (_r, input) => ({ redirect: `/admin/users/${input.userId}?done=deactivated` }),
});
