// Where to go after signing in: only a path on this site, never another origin.
const BASE = "http://local.invalid";

/**
 * The path to return to after sign-in, or "/". The address is resolved against our own origin, and
 * so is the path made from it: "/.//evil.example", "/..//evil.example", "/%2e//evil.example" and
 * "/./\evil.example" all resolve to a path that begins "//", which a browser would read as another
 * site (a protocol-relative address). Only a path that still names our origin is returned.
 */
export function safeCallbackUrl(raw: string | undefined | null): string {
  if (!raw) return "/";
  try {
    const u = new URL(raw, BASE);
    if (u.origin !== BASE) return "/";
    if (u.pathname.startsWith("/login") || u.pathname.startsWith("/api/")) return "/";
    const path = `${u.pathname}${u.search}${u.hash}`;
    if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return "/";
    return new URL(path, BASE).origin === BASE ? path : "/";
  } catch {
    return "/";
  }
}
