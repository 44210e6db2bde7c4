"use server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { failure, invalid, type ActionResult } from "@/lib/action-result";
import { addUser } from "@/lib/users/add-user";
import { newUserSchema } from "@/lib/users/user-input";

export type AddUserValues = { name: string; email: string; role: string };
export type AddUserState = { result: ActionResult<{ id: string; name: string; email: string; password: string }>; values: AddUserValues } | null;

export async function addUserAction(_prev: AddUserState, form: FormData): Promise<AddUserState> {
  const values = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), role: String(form.get("role") ?? "") };
  const parsed = newUserSchema.safeParse({ ...values, role: values.role || undefined });
  if (!parsed.success) return { result: invalid(parsed.error), values };
  try {
    const { user, password } = await addUser(await getCurrentUser(), parsed.data);
    return { result: { ok: true, data: { id: user.id, name: user.name, email: user.email, password } }, values: { name: "", email: "", role: "" } };
  } catch (e) {
    return { result: failure(e), values };
  }
}
