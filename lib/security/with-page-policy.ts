// Gives every response that passes proxy.ts a Content-Security-Policy with a fresh nonce, and hands
// the same policy on to the render as a request header, which is where Next reads the nonce it puts
// on its inline scripts (Next.js CSP guide). Wraps the proxy so the sign-in rules stay separate.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, createNonce } from "@/lib/security/security-headers";

const OVERRIDES = "x-middleware-override-headers";
const REQUEST_PREFIX = "x-middleware-request-";

export function withPagePolicy(proxy: (request: NextRequest) => Promise<Response> | Response) {
  return async (request: NextRequest): Promise<Response> => {
    const nonce = createNonce();
    const policy = contentSecurityPolicy(nonce);
    const response = await proxy(request);
    response.headers.set("Content-Security-Policy", policy);
    // Only a response that goes on to render (next() or a rewrite) carries request headers on.
    if (!response.headers.has("x-middleware-next") && !response.headers.has("x-middleware-rewrite")) return response;
    const added = new Headers({ "content-security-policy": policy });
    const existing = response.headers.get(OVERRIDES);
    if (existing) {
      // The proxy already replaced some request headers: add ours to its list.
      for (const [key, value] of added) response.headers.set(`${REQUEST_PREFIX}${key}`, value);
      const keys = new Set([...existing.split(","), ...added.keys()]);
      response.headers.set(OVERRIDES, [...keys].join(","));
    } else {
      // Let Next encode "the request's headers plus ours" and copy that onto the response.
      const headers = new Headers(request.headers);
      for (const [key, value] of added) headers.set(key, value);
      const carrier = NextResponse.next({ request: { headers } });
      for (const [key, value] of carrier.headers) {
        if (key === OVERRIDES || key.startsWith(REQUEST_PREFIX)) response.headers.set(key, value);
      }
    }
    return response;
  };
}
