"use server";
import { formAction, refreshOnConflict, type ActionState } from "@/lib/define-action";
import { userVersionSchema } from "@/lib/users/user-input";
import { reactivateUser } from "@/lib/users/reactivate-user";
import { unlockUser } from "@/lib/users/unlock-user";
import { setLocalSignInAllowed } from "@/lib/users/allow-local-sign-in";

export type UserChangeState = ActionState;

export const reactivateUserAction = formAction({
  schema: userVersionSchema,
  permission: "user.manage",
  refused: refreshOnConflict,
  run: reactivateUser,
  done: (_r, input) => ({ redirect: `/admin/users/${input.userId}?done=reactivated` }),
});

export const unlockUserAction = formAction({
  schema: userVersionSchema,
  permission: "user.manage",
  refused: refreshOnConflict,
  run: (actor, input) => unlockUser(actor, input),
  done: (_r, input) => ({ redirect: `/admin/users/${input.userId}?done=unlocked` }),
});

export const allowLocalSignInAction = formAction({
  schema: userVersionSchema,
  permission: "user.allowLocalSignIn",
  refused: refreshOnConflict,
  run: (actor, input) => setLocalSignInAllowed(actor, input, true),
  done: (_r, input) => ({ redirect: `/admin/users/${input.userId}?done=localAllowed` }),
});

export const refuseLocalSignInAction = formAction({
  schema: userVersionSchema,
  permission: "user.allowLocalSignIn",
  refused: refreshOnConflict,
  run: (actor, input) => setLocalSignInAllowed(actor, input, false),
  done: (_r, input) => ({ redirect: `/admin/users/${input.userId}?done=localRefused` }),
});
