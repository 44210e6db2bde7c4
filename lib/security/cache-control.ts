// Which caches may keep a response read with a session: one rule for every page, download and export.
// No "server-only": lib/pack/delivery/serve-pack-request.ts uses it in the HTTP server, before Next.

/**
 * Never stored, not even by the browser ("private, max-age" and "no-cache" both let it keep a copy on
 * disk): after signing out on a shared computer, the next person's back button or cache finds no pack,
 * export or list. Only what anyone may read without signing in (a public pack, PUBLIC_PACKS) is cached.
 */
export const SESSION_CACHE_CONTROL = "private, no-store";
