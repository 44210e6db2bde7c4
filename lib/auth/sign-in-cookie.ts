// Opens a session from our own sign-in form (a server action, so signing in works without JavaScript):
// the same cookie next-auth would set after its credentials callback, made by next-auth's own encoder
// and our jwt callback (lib/auth/options.ts), so every reader of the token (proxy.ts, current-user)
// sees no difference. next-auth's callback route needs a CSRF token a plain form cannot carry.
import "server-only";
import { cookies } from "next/headers";
import { encode, type JWT } from "next-auth/jwt";
import type { SessionUser } from "@/lib/auth/roles";
import { authOptions, requireSessionSecret, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/options";
import { sessionCookie } from "@/lib/auth/session-cookie";

export async function openSessionCookie(user: SessionUser): Promise<void> {
  const secret = requireSessionSecret();
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: cannot sign a session");
  // What next-auth puts in a new token before its jwt callback runs.
  const initial: JWT = { name: user.name, email: user.email, sub: user.id };
  const token = await authOptions.callbacks!.jwt!({
    token: initial,
    user,
    account: { provider: "credentials", type: "credentials", providerAccountId: user.id },
    trigger: "signIn",
  });
  const { name, options } = sessionCookie();
  const value = await encode({ token, secret, maxAge: SESSION_MAX_AGE_SECONDS });
  (await cookies()).set(name, value, { ...options, expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) });
}
