// The session cookie's name and attributes, in one place: next-auth sets it (lib/auth/options.ts) and
// every reader of the token names it (proxy.ts, lib/auth/current-user.ts, lib/auth/user-sessions.ts,
// the published pack route). On https it is `__Host-`: the browser then accepts it only with Secure,
// Path=/ and no Domain, so a sibling subdomain cannot plant a session of its own choosing on ours
// (next-auth 4's default, `__Secure-`, does not stop that). On http (local development and the
// browser tests) browsers refuse both prefixes, so the plain name stays.
// No "server-only": proxy.ts imports it too.

const BASE_NAME = "next-auth.session-token";

/** Whether the app is served over https: next-auth's own rule (NEXTAUTH_URL), so both always agree. */
export function usesSecureCookies(env: Record<string, string | undefined> = process.env): boolean {
  return env.NEXTAUTH_URL?.startsWith("https://") ?? false;
}

/** The session cookie's name: `__Host-next-auth.session-token` on https, `next-auth.session-token` on http. */
export function sessionCookieName(env: Record<string, string | undefined> = process.env): string {
  return usesSecureCookies(env) ? `__Host-${BASE_NAME}` : BASE_NAME;
}

/** next-auth's `cookies.sessionToken`. Never a Domain: `__Host-` forbids one, and the app has no use for it. */
export function sessionCookie(env: Record<string, string | undefined> = process.env) {
  const secure = usesSecureCookies(env);
  return {
    name: sessionCookieName(env),
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}
