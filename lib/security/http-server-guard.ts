// What must happen to a request before Next.js sees it, on the HTTP server's "request" event:
// - the method, answered from the one list of addresses (app-routes.ts) before Next reads a byte of the
//   body: an unknown address is 404 and a method the address does not take 405 with an Allow header
//   that says what it does take, whatever the body (Next would read a post to any page as a possible
//   server action: a 400, or a 500 past 1 MB); OPTIONS is 204 with that Allow. GET and HEAD of an
//   unknown address go on to Next for its "Page not found" page. TRACE and TRACK are never taken (Next
//   builds a web Request for every request, and its constructor throws on them: a 500);
// - forwarding headers from an untrusted connection are removed (forwarded-headers.ts);
// then a front handler may answer what it knows without Next (the published pack pages:
// lib/pack/delivery/serve-pack-request.ts); what it leaves goes on to Next as it came.
// Installed once per process by lib/start-node-server.ts.
import http from "node:http";
import { stripUntrustedForwarding, trustedProxies } from "@/lib/security/forwarded-headers";
import { findRoute, isNextInternal } from "@/lib/security/app-routes";
import { renderAccessPagesOnServer } from "@/lib/security/access-page";

const INSTALLED = Symbol.for("scrutiny-pack.http-server-guard");

export type MethodAnswer = { status: 204 | 404 | 405; allow?: string; message?: string };

/** How the method and address are answered before Next, or null to go on. */
export function answerMethod(method: string, url: string): MethodAnswer | null {
  const upper = method.toUpperCase();
  let pathname: string;
  try {
    pathname = new URL(url, "http://localhost").pathname;
  } catch {
    return null; // Next answers what it cannot parse either
  }
  if (isNextInternal(pathname) && upper !== "TRACE" && upper !== "TRACK") return null;
  const route = findRoute(pathname);
  if (!route) return upper === "GET" || upper === "HEAD" ? null : { status: 404, message: "There is nothing at this address" };
  const allow = route.allow.join(", ");
  if (upper === "OPTIONS") return { status: 204, allow };
  if (!route.allow.includes(upper)) return { status: 405, allow, message: `${upper} is not allowed here` };
  return null;
}

function isPage(url: string | undefined): boolean {
  try {
    return findRoute(new URL(url ?? "/", "http://localhost").pathname)?.page ?? false;
  } catch {
    return false;
  }
}

/** True when the request was answered here and must go no further. */
export function guardRequest(req: http.IncomingMessage, res: http.ServerResponse, trusted: Set<string>): boolean {
  const answer = answerMethod(req.method ?? "", req.url ?? "/");
  if (answer) {
    res.writeHead(answer.status, {
      ...(answer.allow ? { Allow: answer.allow } : {}),
      ...(answer.message ? { "Content-Type": "text/plain; charset=utf-8" } : {}),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
    // The body, if any, is never read: Node discards it once the answer is sent.
    res.end(answer.message && req.method !== "HEAD" ? `${answer.message}\n` : undefined);
    return true;
  }
  stripUntrustedForwarding(req, trusted);
  return false;
}

/** Answers some requests before Next: `wants` decides at once, `serve` resolves true once it has answered, false to pass it on untouched. */
export type FrontHandler = {
  wants: (req: http.IncomingMessage) => boolean;
  serve: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;
};

/**
 * One request through the guard and the front handler; `next` hands it to Next.js. What the front
 * handler leaves (or fails on before it has sent anything) goes on to Next exactly as it came.
 */
export function routeRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  opts: { trusted: Set<string>; front?: FrontHandler; dispatch: (req: http.IncomingMessage, res: http.ServerResponse) => void },
): void {
  if (guardRequest(req, res, opts.trusted)) return;
  const { front, dispatch } = opts;
  const toNext = () => {
    // A page's 403 or 404, which Next would leave empty without scripts, is rendered on the server (access-page.ts).
    if (isPage(req.url)) renderAccessPagesOnServer(req, res, dispatch);
    dispatch(req, res);
  };
  if (!front?.wants(req)) return toNext();
  // Only a GET or HEAD is wanted: there is no body to lose while the front handler decides.
  void front.serve(req, res).then(
    (answered) => {
      if (!answered && !res.headersSent) toNext();
    },
    () => {
      if (!res.headersSent) toNext();
    },
  );
}

export function installHttpServerGuard(trusted = trustedProxies(), front?: FrontHandler): void {
  const proto = http.Server.prototype as unknown as Record<symbol, boolean> & { emit: (event: string, ...args: unknown[]) => boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function (this: unknown, event: string, ...args: unknown[]) {
    if (event !== "request") return emit.call(this, event, ...args);
    const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
    routeRequest(req, res, { trusted, front, dispatch: (r, s) => void emit.call(this, event, r, s) });
    return true;
  };
}
