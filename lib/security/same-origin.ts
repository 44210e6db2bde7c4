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

export const NOT_AN_ORIGIN_MESSAGE = "The request's Origin header is not an address";

/**
 * An Origin that is not a site's address is 400, another site's is 403; none at all (a script, an
 * older client) passes. Compared parsed, never as strings: a browser sends exactly scheme://host[:port],
 * so anything more ("http://evil.example@localhost:3300", whose host a URL parser reads as
 * localhost:3300) is refused, and the host asked for is parsed the same way before the two are compared.
 */
export function refuseForeignOrigin(headers: Headers): OriginRefusal | null {
  const origin = headers.get("origin");
  if (origin === null) return null;
  // An opaque origin (a sandboxed frame, a redirect from another site): whoever it is, it is not provably us.
  if (origin === "null") return { status: 403, message: CROSS_SITE_MESSAGE };
  const sent = URL.canParse(origin) ? new URL(origin) : null;
  if (!sent || sent.origin === "null" || sent.origin !== origin) return { status: 400, message: NOT_AN_ORIGIN_MESSAGE };
  const asked = `${sent.protocol}//${requestedHost(headers)}`;
  if (!URL.canParse(asked) || new URL(asked).origin !== sent.origin) return { status: 403, message: CROSS_SITE_MESSAGE };
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
