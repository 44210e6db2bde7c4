// Whether a state-changing request came from Scrutiny Pack's own pages: one rule for server actions
// (proxy.ts, lib/security/request-guard.ts) and route handlers (lib/define-route.ts).
export type OriginRefusal = { status: 400 | 403; message: string };

export const CROSS_SITE_MESSAGE = "This request did not come from Scrutiny Pack";

/**
 * The host the browser asked for. X-Forwarded-Host is still on the request only when a trusted proxy
 * sent it (lib/security/forwarded-headers.ts); otherwise Next.js fills it in from Host.
 */
export function requestedHost(headers: Headers): string {
  return (headers.get("x-forwarded-host") ?? headers.get("host") ?? "").split(",")[0].trim();
}

/** An Origin that is not an address is 400, another site's is 403; none at all (a script, an older client) passes. */
export function refuseForeignOrigin(headers: Headers): OriginRefusal | null {
  const origin = headers.get("origin");
  if (origin === null) return null;
  if (!URL.canParse(origin)) return { status: 400, message: "The request's Origin header is not an address" };
  if (new URL(origin).host !== requestedHost(headers)) return { status: 403, message: CROSS_SITE_MESSAGE };
  return null;
}

/**
 * The Origin rule, and Sec-Fetch-Site where the browser sends it: only a page of this site
 * ("same-origin") or the user's own navigation ("none"), never another site's or a sibling subdomain's.
 */
export function refuseCrossSite(headers: Headers): OriginRefusal | null {
  const foreign = refuseForeignOrigin(headers);
  if (foreign) return foreign;
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return { status: 403, message: CROSS_SITE_MESSAGE };
  return null;
}
