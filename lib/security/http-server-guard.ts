// What must happen to a request before Next.js sees it, on the HTTP server's "request" event:
// - TRACE and TRACK are answered 405 here: Next builds a web Request for every request, the Request
//   constructor throws on these methods, and the visitor would get a 500 and the log a stack trace;
// - forwarding headers from an untrusted connection are removed (forwarded-headers.ts);
// then a front handler may answer what it knows without Next (the published pack pages:
// lib/pack/delivery/serve-pack-request.ts); what it leaves goes on to Next as it came.
// Installed once per process by lib/start-node-server.ts.
import http from "node:http";
import { stripUntrustedForwarding, trustedProxies } from "@/lib/security/forwarded-headers";

const REFUSED_METHODS = new Set(["TRACE", "TRACK"]);
const INSTALLED = Symbol.for("scrutiny-pack.http-server-guard");

/** True when the request was answered here and must go no further. */
export function guardRequest(req: http.IncomingMessage, res: http.ServerResponse, trusted: Set<string>): boolean {
  if (REFUSED_METHODS.has((req.method ?? "").toUpperCase())) {
    res.writeHead(405, {
      Allow: "GET, HEAD, POST",
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
    res.end(`${req.method} is not allowed\n`);
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
  opts: { trusted: Set<string>; front?: FrontHandler; next: () => void },
): void {
  if (guardRequest(req, res, opts.trusted)) return;
  const { front } = opts;
  if (!front?.wants(req)) return opts.next();
  // Only a GET or HEAD is wanted: there is no body to lose while the front handler decides.
  void front.serve(req, res).then(
    (answered) => {
      if (!answered && !res.headersSent) opts.next();
    },
    () => {
      if (!res.headersSent) opts.next();
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
    routeRequest(req, res, { trusted, front, next: () => void emit.call(this, event, ...args) });
    return true;
  };
}
