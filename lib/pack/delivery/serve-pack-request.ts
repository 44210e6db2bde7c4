// GET /packs/YYYY-MM[?version=N | ?preview=1] (and the pages' stylesheet, /pack-style/<key>.css),
// answered on the HTTP server before Next sees it: who is
// asking, may they read this version, and the stored bytes (lib/pack/delivery/stored-pack-pages.ts) or
// the cached preview, in the encoding they accept, with an ETag. Nothing is rendered here in the usual
// case and, once warm, nothing is asked of the database (sessions: lib/auth/user-sessions.ts; months:
// lib/pack/delivery/pack-caches.ts).
//
// Anything else goes on to Next unchanged, as one request: signed-out visitors (the sign-in redirect),
// not found and forbidden (the app's own 404 and 403 pages), a version staff may see before it is
// published, a pack that fails its integrity check. Those are rare; the panel's reading is not.
//
// Why here and not in a route handler: Next drops Content-Encoding from what App Router handlers
// return (next/dist/server/send-response.js, FORBIDDEN_HEADERS), so precompressed bytes cannot be sent
// from one; and the route machinery is most of the cost of a page that is already made.
import "server-only";
import type http from "node:http";
import { findAccountOfCookies, userWhoMayUseTheApp } from "@/lib/auth/current-user";
import type { SessionUser } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";
import { appConfig } from "@/lib/config/app";
import { chooseVersion } from "@/lib/pack/delivery/find-pack";
import { encodedPageReply, type EncodedPage } from "@/lib/pack/delivery/encoded-page";
import { packPageCacheControl, parseVersionParam } from "@/lib/pack/delivery/export-http";
import { cachedMonthState } from "@/lib/pack/delivery/pack-caches";
import { previewPage } from "@/lib/pack/delivery/preview-page";
import { packStylesheetPage } from "@/lib/pack/delivery/pack-stylesheet";
import { publishedPage } from "@/lib/pack/delivery/stored-pack-pages";
import { scriptlessPagePolicy, staticSecurityHeaders } from "@/lib/security/security-headers";

const PACK_PAGE = /^\/packs\/(\d{4}-\d{2})$/;
const STYLESHEET = /^\/pack-style\/([0-9a-f]{24})\.css$/;

/** Cheap and synchronous: whether a request is one this file may answer. */
export function isPackPageRequest(req: http.IncomingMessage): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = req.url ?? "";
  const q = url.indexOf("?");
  const pathname = q === -1 ? url : url.slice(0, q);
  return PACK_PAGE.test(pathname) || STYLESHEET.test(pathname);
}

function cookiesOf(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      out[name] = decodeURIComponent(raw);
    } catch {
      out[name] = raw;
    }
  }
  return out;
}

/** The signed-in user behind the request's session cookie, by the same rules as every page (getCurrentUser). */
async function userOf(req: http.IncomingMessage): Promise<SessionUser | null> {
  const cookies = Object.entries(cookiesOf(req.headers.cookie)).map(([name, value]) => ({ name, value }));
  return userWhoMayUseTheApp(await findAccountOfCookies(cookies));
}

const SECURITY_HEADERS = Object.fromEntries(staticSecurityHeaders().map((h) => [h.key, h.value]));

function reply(req: http.IncomingMessage, res: http.ServerResponse, page: EncodedPage, headers: Record<string, string>): void {
  const r = encodedPageReply(page, { acceptEncoding: req.headers["accept-encoding"], ifNoneMatch: req.headers["if-none-match"] }, headers);
  res.writeHead(r.status, r.headers);
  res.end(req.method === "HEAD" ? undefined : (r.body ?? undefined));
}

function send(req: http.IncomingMessage, res: http.ServerResponse, page: EncodedPage, signedIn: boolean): void {
  reply(req, res, page, {
    ...SECURITY_HEADERS,
    // No nonce: the page has no script at all, and this policy lets none run.
    "Content-Security-Policy": scriptlessPagePolicy(),
    "Content-Type": "text/html; charset=utf-8",
    // Revalidated every time (a version's page changes when superseded); never shared when signed in.
    "Cache-Control": packPageCacheControl({ signedIn }),
    Vary: "Cookie",
  });
}

/**
 * Answers the request if it can (true), or leaves it wholly untouched for Next (false). Never throws.
 */
export async function servePackRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
  try {
    const url = new URL(req.url ?? "/", "http://localhost");
    const styleKey = STYLESHEET.exec(url.pathname)?.[1];
    if (styleKey) {
      // The same for everyone and nothing private in it (GOV.UK Frontend's styles and ours), so no sign-in.
      const page = await packStylesheetPage(styleKey);
      if (!page) return false;
      reply(req, res, page, {
        ...SECURITY_HEADERS,
        "Content-Type": "text/css; charset=utf-8",
        "Cache-Control": "public, max-age=31536000, immutable",
      });
      return true;
    }
    const month = PACK_PAGE.exec(url.pathname)?.[1];
    if (!month) return false;
    const v = parseVersionParam(url.searchParams.get("version"));
    if (!v.ok) return false;
    const user = await userOf(req);
    if (!user && !appConfig.publicPacks) return false;
    const choice = chooseVersion(user, await cachedMonthState(month), {
      version: v.version,
      preview: url.searchParams.get("preview") === "1",
    });
    const audience = user ? user.role : "PUBLIC";
    if (choice.wantPreview) {
      send(req, res, await previewPage(choice, audience), true);
      return true;
    }
    const chosen = choice.chosen!;
    if (!chosen.publishedAt) return false;
    const page = await publishedPage(choice.period, chosen, audience);
    if (!page) return false;
    send(req, res, page, Boolean(user));
    return true;
  } catch (e) {
    // Not found, forbidden and the like: Next's page answers with the app's 404 and 403 pages.
    if (!isAppError(e)) console.error(`GET ${req.url}: the stored pack page failed; Next renders it instead`, e);
    return res.headersSent;
  }
}
