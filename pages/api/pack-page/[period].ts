// GET /packs/YYYY-MM[?version=N] (proxy.ts rewrites it here): a published pack served as a static file
// would be: the same bytes for every reader of a role, precompressed (br, gzip) once per process, with
// a strong ETag (304 on a repeat visit) and no JavaScript. Everything else (staff previews, versions not
// yet published, 404 and 403, a failed render) is answered by the dynamic page, fetched over loopback.
//
// Why a Pages Router API route in an App Router app: Next 16 drops Content-Encoding and Content-Length
// from what App Router route handlers and the proxy return (next/dist/server/send-response.js,
// FORBIDDEN_HEADERS), so precompressed bytes cannot be sent from them; an API route writes to Node's
// response itself, and Next's compression leaves a response that is already encoded alone.
import type { NextApiRequest, NextApiResponse } from "next";
import { findUserOfRequest } from "@/lib/auth/current-user";
import { appConfig } from "@/lib/config/app";
import { isAppError } from "@/lib/errors";
import { encodedPageReply } from "@/lib/pack/delivery/encoded-page";
import { packPageCacheControl, parseVersionParam } from "@/lib/pack/delivery/export-http";
import { pdfRenderOrigin, sessionCookieHeader } from "@/lib/pack/delivery/pdf-render";
import { audienceOf, findStoredPackTarget, getEncodedPackPage } from "@/lib/pack/delivery/stored-pack-page";
import { nonceInPolicy, reissueNonce } from "@/lib/security/page-nonce";

export const config = { api: { bodyParser: false, responseLimit: false } };

/** The dynamic page at a fixed loopback origin (never the Host header), with only the session cookie. */
function fetchPage(path: string, cookie: string): Promise<Response> {
  return fetch(`${pdfRenderOrigin()}${path}`, {
    headers: cookie ? { cookie } : {},
    redirect: "manual",
    cache: "no-store",
    signal: AbortSignal.timeout(60_000),
  });
}

/**
 * The dynamic page, as this request's answer. Its HTML carries the nonce of the loopback request that
 * rendered it; the browser enforces the policy proxy.ts put on this request, so the page is moved onto
 * this request's nonce (otherwise every script is refused and a 404 or 403, which Next draws in the
 * browser, is a blank page).
 */
async function sendLivePage(res: NextApiResponse, path: string, cookie: string, nonce: string | null): Promise<void> {
  const live = await fetchPage(`${path}${path.includes("?") ? "&" : "?"}render=live`, cookie);
  const type = live.headers.get("content-type") ?? "text/html; charset=utf-8";
  res.statusCode = live.status;
  res.setHeader("Content-Type", type);
  res.setHeader("Cache-Control", live.headers.get("cache-control") ?? "private, no-store");
  const location = live.headers.get("location");
  if (location) res.setHeader("Location", location);
  if (live.status === 204 || live.status === 304) return void res.end();
  if (!type.startsWith("text/html")) return void res.end(Buffer.from(await live.arrayBuffer()));
  res.end(reissueNonce(await live.text(), nonceInPolicy(live.headers.get("content-security-policy")), nonce));
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? "" : v);

export default async function handler(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    return void res.status(405).end();
  }
  const month = String(one(req.query.period) ?? "");
  const rawVersion = one(req.query.version) ?? null;
  const path = `/packs/${encodeURIComponent(month)}${rawVersion !== null ? `?version=${encodeURIComponent(rawVersion)}` : ""}`;
  const cookie = sessionCookieHeader(req.headers.cookie ?? null);
  // The nonce proxy.ts gave this request (lib/security/with-page-policy.ts), which its response's policy names.
  const nonce = one(req.headers["x-nonce"]) ?? null;
  const v = parseVersionParam(rawVersion);
  if (!v.ok) return sendLivePage(res, path, cookie, nonce);
  try {
    const user = await findUserOfRequest(req);
    if (!user && !appConfig.publicPacks) return await sendLivePage(res, path, cookie, nonce);
    const target = await findStoredPackTarget(user, month, v.version);
    if (target.kind === "live") return await sendLivePage(res, path, cookie, nonce);
    const page = await getEncodedPackPage(target, audienceOf(user), async () => {
      const r = await fetchPage(`${path}${path.includes("?") ? "&" : "?"}render=stored`, cookie);
      if (r.status !== 200) throw new Error(`Stored render of ${path} got ${r.status}`);
      return r.text();
    });
    // Revalidated every time (a version's page changes when superseded); never shared when signed in.
    const reply = encodedPageReply(
      page,
      { acceptEncoding: req.headers["accept-encoding"], ifNoneMatch: req.headers["if-none-match"] },
      {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": packPageCacheControl({ signedIn: Boolean(user) }),
        Vary: "Cookie",
        "X-Content-Type-Options": "nosniff",
      },
    );
    res.statusCode = reply.status;
    for (const [name, value] of Object.entries(reply.headers)) res.setHeader(name, value);
    res.end(req.method === "HEAD" ? undefined : (reply.body ?? undefined));
  } catch (e) {
    // Not found, forbidden and the like: the page renders them (with the app's 404 and 403 pages).
    if (!isAppError(e)) console.error(`GET ${path} from stored HTML failed; serving the live page`, e);
    if (!res.headersSent) await sendLivePage(res, path, cookie, nonce);
  }
}
