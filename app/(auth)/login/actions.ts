"use server";
// The sign-in form posts here, with or without JavaScript: a server action needs no next-auth CSRF
// token (Next checks the Origin, as proxy.ts does), answers in the page (GOV.UK error summary and field
// errors) and keeps what was typed. Rules and audit are authenticate()'s; the cookie is next-auth's.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { authenticate } from "@/lib/auth/sign-in";
import { clientAddress } from "@/lib/auth/address-throttle";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { openSessionCookie } from "@/lib/auth/sign-in-cookie";
import { signInFieldProblems, signInRefusal, type SignInFormErrors } from "@/lib/auth/sign-in-form";
import { formText } from "@/lib/action-result";

export type SignInState = (SignInFormErrors & { email: string; at: number }) | null;

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  // The code field is there once the password was right for an account with two-step sign-in.
  const step = formText(form, "step") === "code" ? ("code" as const) : ("password" as const);
  const fields = {
    email: formText(form, "email").slice(0, 320),
    password: formText(form, "password").slice(0, 1024),
    code: step === "code" ? formText(form, "code").slice(0, 64) : "",
    step,
  };
  const answer = (errors: SignInFormErrors): SignInState => ({ ...errors, email: fields.email.trim(), at: Date.now() });
  const problems = signInFieldProblems(fields);
  if (problems) return answer(problems);
  const result = await authenticate(fields.email, fields.password, new Date(), clientAddress(await headers()), fields.code);
  if (!result.ok) return answer(signInRefusal(result.reason, fields.step));
  await openSessionCookie(result.user);
  // Outside any try: redirect() works by throwing.
  redirect(safeCallbackUrl(formText(form, "callbackUrl")));
}
