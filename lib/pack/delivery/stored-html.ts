// The published pack page as stored HTML: how a rendered page becomes the stored form (no scripts,
// a placeholder where the reader's header goes, a MAC so a changed row is never served) and how each
// role's header is put in (once per role and version: see stored-pack-page.ts). Pure string work, so it is cheap and unit-tested.
import { createHmac, timingSafeEqual } from "node:crypto";
import { currentNavHref } from "@/lib/current-nav-href";

/** Placeholders the page renders in stored mode (see ServiceHeader's `stored` prop). */
export const NAV_SLOT = '<span hidden="" data-app-slot="nav"></span>';
export const USER_SLOT = '<span hidden="" data-app-slot="user"></span>';
const PREFIX = "<!--scrutiny-stored ";

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Removes every script and script preload: the published pack is HTML and CSS only. */
export function stripScripts(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b[^>]*\bas="script"[^>]*>/gi, "")
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/gi, "");
}

function mac(secret: string, key: string, body: string): string {
  return createHmac("sha256", secret).update(key).update("\n").update(body).digest("hex");
}

/** The string stored in PackVersion.renderedHtml: a marker line (build, page key, MAC) then the page. */
export function sealStoredHtml(body: string, opts: { buildId: string; key: string; secret: string }): string {
  return `${PREFIX}build=${opts.buildId} key=${opts.key} mac=${mac(opts.secret, opts.key, body)}-->\n${body}`;
}

/** The page body if the stored string was made for this key (which includes the build) and is unaltered. */
export function openStoredHtml(stored: string | null | undefined, opts: { key: string; secret: string }): string | null {
  if (!stored?.startsWith(PREFIX)) return null;
  const end = stored.indexOf("-->\n");
  const fields = Object.fromEntries(
    stored
      .slice(PREFIX.length, end)
      .split(" ")
      .map((f) => f.split("=") as [string, string]),
  );
  if (fields.key !== opts.key || !fields.mac) return null;
  const body = stored.slice(end + 4);
  const want = Buffer.from(mac(opts.secret, opts.key, body));
  const got = Buffer.from(fields.mac);
  return want.length === got.length && timingSafeEqual(want, got) ? body : null;
}

/** The header's part that depends on who reads: their role's navigation, or nothing for a signed-out public reader. */
export type HeaderReader = { roleLabel: string; nav: { href: string; text: string }[] } | null;

/** "a director", "an administrator": the role as the header names it. */
export function withArticle(label: string): string {
  const lower = label.toLowerCase();
  return `${/^[aeiou]/.test(lower) ? "an" : "a"} ${lower}`;
}

/**
 * Puts a role's navigation and sign-in line into the stored page. The same bytes for every reader of
 * that role (no name), so they are made and compressed once and served to all of them; sign-out,
 * password and two-step links work without JavaScript.
 */
export function injectReaderHeader(body: string, reader: HeaderReader, pathname: string): string {
  if (!reader) return body.replace(NAV_SLOT, "").replace(USER_SLOT, "");
  const best = currentNavHref(reader.nav, pathname);
  const items = reader.nav
    .map((i) =>
      i.href === best
        ? `<li class="govuk-service-navigation__item govuk-service-navigation__item--active"><a class="govuk-service-navigation__link" href="${escapeHtml(i.href)}" aria-current="page"><strong class="govuk-service-navigation__active-fallback">${escapeHtml(i.text)}</strong></a></li>`
        : `<li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="${escapeHtml(i.href)}">${escapeHtml(i.text)}</a></li>`,
    )
    .join("");
  const nav = `<nav aria-label="Menu" class="govuk-service-navigation__wrapper"><ul class="govuk-service-navigation__list" id="navigation">${items}</ul></nav>`;
  const user =
    `<div class="app-header-user"><span>Signed in as ${escapeHtml(withArticle(reader.roleLabel))}</span>` +
    `<a class="govuk-link" href="/account/password">Change your password</a><a class="govuk-link" href="/account/two-step">Two-step sign-in</a>` +
    `<form method="post" action="/logout" class="app-inline-form"><button type="submit" class="app-link-button">Sign out</button></form></div>`;
  // Function replacers: nothing in the header may be read as a replacement pattern.
  return body.replace(NAV_SLOT, () => nav).replace(USER_SLOT, () => user);
}
