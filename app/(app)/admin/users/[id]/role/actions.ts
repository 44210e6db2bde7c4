"use server";
import { formAction, refreshOnConflict } from "@/lib/define-action";
import { roleSchema, userVersionSchema } from "@/lib/users/user-input";
import { changeUserRole } from "@/lib/users/change-user-role";

const changeRoleSchema = userVersionSchema.extend({ role: roleSchema });

export const changeRoleAction = formAction({
  schema: changeRoleSchema,
  permission: "user.manage",
  refused: refreshOnConflict,
  run: changeUserRole,
  done: (_r, input) => ({ redirect: `/admin/users/${input.userId}?done=role` }),
});
