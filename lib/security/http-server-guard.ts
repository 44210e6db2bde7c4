// What must happen to a request before Next.js sees it, on the HTTP server's "request" event:
// - TRACE and TRACK are answered 405 here: Next builds a web Request for every request, the Request
//   constructor throws on these methods, and the visitor would get a 500 and the log a stack trace;
// - forwarding headers from an untrusted connection are removed (forwarded-headers.ts).
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

export function installHttpServerGuard(trusted = trustedProxies()): void {
  const proto = http.Server.prototype as unknown as Record<symbol, boolean> & { emit: (event: string, ...args: unknown[]) => boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function (this: unknown, event: string, ...args: unknown[]) {
    if (event === "request" && guardRequest(args[0] as http.IncomingMessage, args[1] as http.ServerResponse, trusted)) return true;
    return emit.call(this, event, ...args);
  };
}
