// GET /packs/YYYY-MM[?version=N] (proxy.ts rewrites it here): a published pack from its stored HTML,
// with the reader's header put in, and no JavaScript. Everything else (staff previews, versions not yet
// published, 404 and 403, a failed render) is answered by the dynamic page itself, fetched over loopback.
import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { roleLabel } from "@/lib/auth/roles";
import { appConfig } from "@/lib/config/app";
import { isAppError } from "@/lib/errors";
import { navigationFor } from "@/lib/navigation";
import { parseVersionParam, packPageCacheControl } from "@/lib/pack/delivery/export-http";
import { pdfRenderOrigin, sessionCookieHeader } from "@/lib/pack/delivery/pdf-render";
import { findStoredPackTarget, getStoredPackHtml } from "@/lib/pack/delivery/stored-pack-page";
import { injectReaderHeader } from "@/lib/pack/delivery/stored-html";
import { nonceInPolicy, reissueNonce } from "@/lib/security/page-nonce";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The dynamic page at a fixed loopback origin (never the Host header), with only the session cookie. */
function fetchPage(path: string, cookie: string): Promise<Response> {
  return fetch(`${pdfRenderOrigin()}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual", cache: "no-store", signal: AbortSignal.timeout(60_000) });
}

/**
 * The dynamic page, as this request's answer. Its HTML carries the nonce of the loopback request that
 * rendered it; the browser enforces the policy proxy.ts put on this request, so the page is moved onto
 * this request's nonce (otherwise every script is refused and a 404 or 403, which Next draws in the
 * browser, is a blank page).
 */
async function livePage(path: string, cookie: string, nonce: string | null): Promise<Response> {
  const res = await fetchPage(`${path}${path.includes("?") ? "&" : "?"}render=live`, cookie);
  const headers: Record<string, string> = { "Content-Type": res.headers.get("content-type") ?? "text/html; charset=utf-8", "Cache-Control": res.headers.get("cache-control") ?? "private, no-store" };
  const location = res.headers.get("location");
  if (location) headers.Location = location;
  if (res.status === 204 || res.status === 304) return new Response(null, { status: res.status, headers });
  if (!headers["Content-Type"].startsWith("text/html")) return new Response(await res.arrayBuffer(), { status: res.status, headers });
  const html = reissueNonce(await res.text(), nonceInPolicy(res.headers.get("content-security-policy")), nonce);
  return new Response(html, { status: res.status, headers });
}

export async function GET(request: NextRequest, { params }: { params: Promise<{ period: string }> }) {
  const { period: month } = await params;
  const rawVersion = request.nextUrl.searchParams.get("version");
  const path = `/packs/${encodeURIComponent(month)}${rawVersion !== null ? `?version=${encodeURIComponent(rawVersion)}` : ""}`;
  const cookie = sessionCookieHeader(request.headers.get("cookie"));
  // The nonce proxy.ts gave this request (lib/security/with-page-policy.ts), which its response's policy names.
  const nonce = request.headers.get("x-nonce");
  const v = parseVersionParam(rawVersion);
  if (!v.ok) return livePage(path, cookie, nonce);
  try {
    const user = await getCurrentUser();
    if (!user && !appConfig.publicPacks) return livePage(path, cookie, nonce);
    const target = await findStoredPackTarget(user, month, v.version);
    if (target.kind === "live") return livePage(path, cookie, nonce);
    const body = await getStoredPackHtml(target, async () => {
      const res = await fetchPage(`${path}${path.includes("?") ? "&" : "?"}render=stored`, cookie);
      if (res.status !== 200) throw new Error(`Stored render of ${path} got ${res.status}`);
      return res.text();
    });
    const html = injectReaderHeader(body, user ? { name: user.name, roleLabel: roleLabel[user.role], nav: navigationFor(user.role) } : null, `/packs/${month}`);
    // Anyone signed in gets their name in the page: never shared. A numbered version's page changes when superseded.
    const cacheControl = packPageCacheControl({ signedIn: Boolean(user) });
    return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": cacheControl, Vary: "Cookie", "X-Content-Type-Options": "nosniff" } });
  } catch (e) {
    // Not found, forbidden and the like: the page renders them (with the app's 404 and 403 pages).
    if (!isAppError(e)) console.error(`GET ${path} from stored HTML failed; serving the live page`, e);
    return livePage(path, cookie, nonce);
  }
}
