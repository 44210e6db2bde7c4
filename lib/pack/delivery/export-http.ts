// HTTP for the pack's downloads (PDF, CSV, Excel, JSON): which caches may keep them, how errors read,
// and the version in the address. Shared by the route handlers so they all answer alike.
import { z } from "zod";
import { CONTENT_TYPES, type ExportFormat } from "@/lib/pack/delivery/export-names";
import { SESSION_CACHE_CONTROL } from "@/lib/security/cache-control";

/**
 * Who may keep a copy:
 * - Members-only packs, and anything personal to the requester (a staff view, an unpublished
 *   version): read with a session, so never stored (SESSION_CACHE_CONTROL), not even by the browser.
 * - Public packs: a version-addressed URL (?version=N) changes when the version is superseded (its
 *   banner, a new PDF), so a shared cache may keep it but must ask the server each time (no-cache);
 *   the "latest" URL moves when an amendment is published, so 5 minutes.
 */
export function packCacheControl(opts: {
  publicPacks: boolean;
  published: boolean;
  versionAddressed: boolean;
  personal?: boolean;
}): string {
  if (opts.publicPacks && opts.published && !opts.personal) return opts.versionAddressed ? "public, no-cache" : "public, max-age=300";
  return SESSION_CACHE_CONTROL;
}

/** The pack page from stored HTML: read signed in, never stored; public, revalidated every time (a version's page changes when superseded). */
export function packPageCacheControl(opts: { signedIn: boolean }): string {
  return opts.signedIn ? SESSION_CACHE_CONTROL : "public, no-cache";
}

/** ?version=N: absent is "latest"; anything but a whole number from 1 is an address that does not exist. */
const versionParam = z
  .string()
  .regex(/^[1-9]\d{0,3}$/)
  .transform(Number);

export function parseVersionParam(raw: string | null): { ok: true; version: number | undefined } | { ok: false } {
  if (raw === null) return { ok: true, version: undefined };
  const parsed = versionParam.safeParse(raw);
  return parsed.success ? { ok: true, version: parsed.data } : { ok: false };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small, accessible HTML page for a download that cannot be given (the link was followed in a browser). */
export function plainPage(
  status: number,
  title: string,
  message: string,
  link?: { href: string; text: string },
  extraHeaders: Record<string, string> = {},
): Response {
  const html = `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:arial,sans-serif;max-width:40em;margin:2em auto;padding:0 1em;color:#0b0c0c;line-height:1.5}a{color:#1d70b8}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : ""}</main></body></html>
`;
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      ...extraHeaders,
    },
  });
}

const TITLES: Record<number, string> = {
  401: "Sign in to read packs",
  403: "You do not have access to packs",
  404: "Page not found",
  409: "This pack cannot be downloaded",
};

/**
 * A download refused (lib/define-route.ts's refusal: an expected domain error's status and message, or
 * 500 for anything else, already logged): the status and a page that says what happened, never the detail of a 500.
 */
export function downloadRefusal(status: number, message: string, packHref: string): Response {
  if (status >= 500)
    return plainPage(500, "Sorry, there is a problem with the service", "The download did not work. Try again later.", {
      href: packHref,
      text: "Back to the pack",
    });
  if (status === 401)
    return plainPage(401, TITLES[401], message, { href: `/login?callbackUrl=${encodeURIComponent(packHref)}`, text: "Sign in" });
  return plainPage(
    status,
    TITLES[status] ?? "There is a problem",
    message,
    status === 404 ? { href: "/packs", text: "See the published packs" } : { href: packHref, text: "Back to the pack" },
  );
}

/** A download's headers: type, file name (ASCII, so no encoding needed), cache policy. */
export function downloadHeaders(
  format: ExportFormat | "pdf",
  filename: string,
  cacheControl: string,
  length?: number,
): Record<string, string> {
  return {
    "Content-Type": CONTENT_TYPES[format],
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": cacheControl,
    "X-Content-Type-Options": "nosniff",
    ...(length !== undefined ? { "Content-Length": String(length) } : {}),
  };
}
