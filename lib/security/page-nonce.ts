// A page rendered by one request and sent in answer to another (the stored-pack route fetches the live
// page over loopback) carries the nonce of the request that rendered it, while the browser enforces the
// policy proxy.ts put on the request it made. This moves the page onto the nonce it is sent under.
// No "server-only": pure string work, unit-tested.

/** The nonce in a Content-Security-Policy's script-src, or null if it has none. */
export function nonceInPolicy(policy: string | null | undefined): string | null {
  return /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(policy ?? "")?.[1] ?? null;
}

/**
 * The page with every use of the nonce it was rendered with (script and style attributes, and the copies
 * in Next's inline flight data) replaced by the nonce of the response it goes out in. The old nonce is 128
 * random bits that only the server saw, so nothing else in the page can contain it.
 */
export function reissueNonce(html: string, renderedWith: string | null, sentWith: string | null): string {
  if (!renderedWith || !sentWith || renderedWith === sentWith) return html;
  return html.split(renderedWith).join(sentWith);
}
