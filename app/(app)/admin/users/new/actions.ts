"use server";
import { formAction } from "@/lib/define-action";
import { addUser } from "@/lib/users/add-user";
import { newUserSchema } from "@/lib/users/user-input";

export const addUserAction = formAction({
  schema: newUserSchema,
  permission: "user.manage",
  keepValues: true,
  run: addUser,
  done: ({ user, password }) => ({ data: { id: user.id, name: user.name, email: user.email, password } }),
});
