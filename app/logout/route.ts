// POST /logout: signs out without JavaScript (the published pack page sends none): ends the session
// on the server, so a copy of the token stops working, and expires the cookie. Same-origin form posts only.
import { NextResponse } from "next/server";
import { defineRoute, textRefusal } from "@/lib/define-route";
import { endSessionOfRequest } from "@/lib/auth/user-sessions";
import { requireSessionSecret } from "@/lib/auth/options";

export const dynamic = "force-dynamic";

const SESSION_COOKIE = /^(__Secure-|__Host-)?next-auth\.session-token(\.\d+)?$/;

export const POST = defineRoute({
  // Anyone may end their own session; the token is read from the cookie, not the session.
  permission: "public",
  session: false,
  sameOrigin: true,
  refuse: (refusal) =>
    refusal.status === 403
      ? new NextResponse("Cross-site sign-out refused", { status: 403, headers: { "Cache-Control": "no-store" } })
      : textRefusal(refusal),
  handler: async ({ request }) => {
    await endSessionOfRequest(request, requireSessionSecret() ?? process.env.NEXTAUTH_SECRET);
    const res = NextResponse.redirect(new URL("/login?signedOut=1", request.nextUrl.origin), 303);
    for (const c of request.cookies.getAll()) {
      if (SESSION_COOKIE.test(c.name))
        res.cookies.set(c.name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: c.name.startsWith("__") });
    }
    res.headers.set("Cache-Control", "no-store");
    return res;
  },
});
