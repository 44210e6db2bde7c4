// Where to go after signing in: only a path on this site, never another origin.
export function safeCallbackUrl(raw: string | undefined | null): string {
  if (!raw) return "/";
  try {
    const u = new URL(raw, "http://local.invalid");
    if (u.origin !== "http://local.invalid") return "/";
    if (u.pathname.startsWith("/login") || u.pathname.startsWith("/api/")) return "/";
    return `${u.pathname}${u.search}${u.hash}`;
  } catch {
    return "/";
  }
}
