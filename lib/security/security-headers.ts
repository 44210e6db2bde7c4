// The security headers every response carries. Static ones go out through next.config.ts headers();
// the Content-Security-Policy carries a fresh nonce per request, so proxy.ts sets it (Next reads the
// nonce from the request's policy header and puts it on its own inline scripts).
// No "server-only": next.config.ts and proxy.ts import this too.

const isProduction = () => process.env.NODE_ENV === "production";

/** A fresh, unguessable nonce for one response (128 random bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy for pages. Scripts need the nonce ('strict-dynamic' lets Next's nonce'd loader pull
 * its chunks); styles allow inline because the pack's print footer is an inline <style> and charts
 * set style attributes. Dev mode needs 'unsafe-eval' for React's debugging; production never has it.
 * Without a nonce (static files the proxy does not see) no script may run inline at all.
 */
export function contentSecurityPolicy(nonce?: string, production = isProduction()): string {
  const script = ["'self'", ...(nonce ? [`'nonce-${nonce}'`, "'strict-dynamic'"] : []), ...(production ? [] : ["'unsafe-eval'"])];
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The policy for a page that has no script at all (the published pack's stored page): the page policy
 * with scripts refused outright, in every environment, so nothing injected into it could ever run.
 */
export function scriptlessPagePolicy(): string {
  return contentSecurityPolicy(undefined, true).replace(/script-src [^;]*/, "script-src 'none'");
}

/** Headers that never change between requests. HSTS only in production (browsers ignore it on http). */
export function staticSecurityHeaders(production = isProduction()): { key: string; value: string }[] {
  return [
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
  ];
}

/** Paths proxy.ts does not run for (see its matcher): they get a nonce-less policy from next.config.ts. */
export const PATHS_WITHOUT_PROXY = ["/_next/static/:path*", "/_next/image", "/favicon.ico", "/robots.txt"];
