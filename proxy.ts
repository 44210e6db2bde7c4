// Sends signed-out visitors to the sign-in page. Convenience only: every page, action and route
// handler checks the user again on the server.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { withPagePolicy } from "@/lib/security/with-page-policy";
import { refuseBadRequest } from "@/lib/security/request-guard";
import { decodeSessionToken } from "@/lib/auth/session-token-cache";

const PUBLIC_PATHS = ["/login", "/accessibility", "/api/auth", "/api/health"];

const PACK_PAGE = /^\/packs\/(\d{4}-\d{2})$/;

/**
 * A published pack page is served from stored HTML by an API route (pages/api/pack-page/[period].ts),
 * whatever else the address carries: unknown query parameters are dropped and a client-router (RSC)
 * request gets the HTML too (the router then loads the page as a document), so neither costs a live
 * render. Not rewritten (the dynamic page answers): development builds, staff previews (?preview=) and
 * the handler's own loopback renders (?render=).
 */
function continueOrServeStoredPack(request: NextRequest): NextResponse {
  const { pathname, searchParams } = request.nextUrl;
  const month = PACK_PAGE.exec(pathname)?.[1];
  if (process.env.NODE_ENV !== "production" || !month || (request.method !== "GET" && request.method !== "HEAD"))
    return NextResponse.next();
  if (searchParams.has("preview") || searchParams.has("render")) return NextResponse.next();
  const version = searchParams.get("version");
  const url = request.nextUrl.clone();
  url.pathname = `/api/pack-page/${month}`;
  url.search = version === null ? "" : `?version=${encodeURIComponent(version)}`;
  return NextResponse.rewrite(url);
}

async function requireSignIn(request: NextRequest) {
  const refused = await refuseBadRequest(request);
  if (refused) return refused;
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return NextResponse.next();
  // Public packs: published packs, their list and downloads need no sign-in (the pages and handlers
  // still decide what is published; drafts stay private).
  if (process.env.PUBLIC_PACKS === "true" && /^\/(packs(\/|$)|api\/packs\/)/.test(pathname)) return continueOrServeStoredPack(request);
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET, decode: decodeSessionToken });
  if (token) return continueOrServeStoredPack(request);
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
