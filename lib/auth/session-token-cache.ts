// Decoding the session cookie (a JWE) costs a key derivation (HKDF) and a decryption each time, and
// proxy.ts and the published pack route both decode it on every request. A token is a fixed string
// that decodes to a fixed payload, so the payload is kept by the exact token (and secret) and reused
// until the token's own expiry; anything not yet seen is decoded by next-auth itself, so a forged or
// altered cookie is never in here. Whether the session is still live is not cached: that is the
// database's answer (lib/auth/user-sessions.ts), asked on every request.
// No "server-only": proxy.ts imports it too.
import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

const LIMIT = 2_000;
const CLOCK_TOLERANCE_SECONDS = 15; // as next-auth's own decode allows
const decoded = new Map<string, { secret: JWTDecodeParams["secret"]; payload: JWT }>();

function stillValid(payload: JWT, nowSeconds: number): boolean {
  return typeof payload.exp !== "number" || payload.exp + CLOCK_TOLERANCE_SECONDS > nowSeconds;
}

/** next-auth's decode, remembered per token: pass as getToken's `decode`. */
export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  const { token, secret, salt = "" } = params;
  if (!token) return null;
  const key = `${salt}\u0000${token}`;
  const hit = decoded.get(key);
  if (hit && hit.secret === secret) {
    if (stillValid(hit.payload, Date.now() / 1000)) return hit.payload;
    decoded.delete(key);
    return null;
  }
  const payload = await decode(params);
  if (payload) {
    if (decoded.size >= LIMIT) decoded.delete(decoded.keys().next().value!);
    decoded.set(key, { secret, payload });
  }
  return payload;
}

/**
 * The session token among a request's cookies, as next-auth's SessionStore reads it: the cookie of
 * that name, or its chunks (`name.0`, `name.1`, ...) joined in order when next-auth had to split a
 * long token.
 */
export function sessionTokenOf(cookies: readonly { name: string; value: string }[], name: string): string | null {
  const parts = cookies.filter((c) => c.name === name || (c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1))));
  if (parts.length === 0) return null;
  const order = (n: string) => (n === name ? 0 : Number(n.slice(name.length + 1)));
  return parts
    .sort((a, b) => order(a.name) - order(b.name))
    .map((c) => c.value)
    .join("");
}
