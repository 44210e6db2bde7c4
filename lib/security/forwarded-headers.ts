// X-Forwarded-* (and Forwarded, X-Real-IP) say who the client is and which host it asked for. Next.js
// believes them: its server-action check accepts an Origin that matches X-Forwarded-Host, and the
// sign-in back-off counts per X-Forwarded-For. Any client can send them, so they are removed from every
// request that does not come straight from an address in TRUSTED_PROXIES (the reverse proxy, which
// must set or strip them itself). Done on the HTTP server's "request" event (http-server-guard.ts),
// the only place the connection's own address is still known (Next fills X-Forwarded-For from it only
// when it is absent).
import type http from "node:http";

export const FORWARDED_HEADERS = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
] as const;

/** "::ffff:127.0.0.1" is 127.0.0.1 arriving over IPv6. */
const normalise = (address: string) =>
  address
    .trim()
    .toLowerCase()
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");

/** TRUSTED_PROXIES: comma-separated addresses of the reverse proxies in front of the app (none by default). */
export function trustedProxies(value = process.env.TRUSTED_PROXIES): Set<string> {
  return new Set((value ?? "").split(",").map(normalise).filter(Boolean));
}

/** Removes the forwarding headers unless the connection comes from a trusted proxy. */
export function stripUntrustedForwarding(req: Pick<http.IncomingMessage, "headers" | "socket">, trusted: Set<string>): void {
  const peer = normalise(req.socket?.remoteAddress ?? "");
  if (peer && trusted.has(peer)) return;
  for (const name of FORWARDED_HEADERS) delete req.headers[name];
}
