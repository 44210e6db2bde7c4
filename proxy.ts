// Sends signed-out visitors to the sign-in page. Convenience only: every page, action and route
// handler checks the user again on the server. A published pack page usually never reaches here: the
// HTTP server answers it with its stored bytes first (lib/pack/delivery/serve-pack-request.ts).
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { withPagePolicy } from "@/lib/security/with-page-policy";
import { refuseBadRequest } from "@/lib/security/request-guard";
import { decodeSessionToken } from "@/lib/auth/session-token-cache";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { ACCESS_PAGE_PATH, accessPageStatus } from "@/lib/security/access-page";

const PUBLIC_PATHS = ["/login", "/accessibility", "/api/auth", "/api/health"];

async function requireSignIn(request: NextRequest) {
  // The HTTP server asking again for a 403 or 404 page Next left empty: rendered as an address that
  // matches no page, with the browser's address kept (lib/security/access-page.ts).
  if (accessPageStatus(request.headers)) return NextResponse.rewrite(new URL(ACCESS_PAGE_PATH, request.url));
  const refused = await refuseBadRequest(request);
  if (refused) return refused;
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return NextResponse.next();
  // Public packs: published packs, their list and downloads need no sign-in (the pages and handlers
  // still decide what is published; drafts stay private).
  if (process.env.PUBLIC_PACKS === "true" && /^\/(packs(\/|$)|api\/packs\/)/.test(pathname)) return NextResponse.next();
  const token = await getToken({
    req: request,
    secret: process.env.NEXTAUTH_SECRET,
    decode: decodeSessionToken,
    cookieName: sessionCookieName(),
  });
  if (token) return NextResponse.next();
  if (pathname.startsWith("/api/")) return NextResponse.json({ error: "Sign in required" }, { status: 401 });
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = "";
  url.searchParams.set("callbackUrl", `${pathname}${search}`);
  if (request.cookies.getAll().some((c) => c.name.endsWith("next-auth.session-token"))) url.searchParams.set("expired", "1");
  return NextResponse.redirect(url);
}

// Every response through here also gets a Content-Security-Policy with a fresh nonce.
export const proxy = withPagePolicy(requireSignIn);

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
