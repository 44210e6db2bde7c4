// The names a page's title carries (a section's, an indicator's), so that no two pages share a title:
// a screen reader announces the title first, and a browser's tabs and history list pages by it.
// Only to someone who may see the page; anyone else gets null and the page's generic title.
import "server-only";
import { db } from "@/lib/db";
import { can, type Action } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";

const allowed = (actor: SessionUser | null | undefined, action: Action): actor is SessionUser => Boolean(actor && can(actor.role, action));

/** A section's name by its slug, for someone who may read its commentary. */
export async function sectionNameForTitle(actor: SessionUser | null | undefined, slug: string): Promise<string | null> {
  if (!allowed(actor, "commentary.view")) return null;
  return (await db.section.findUnique({ where: { slug }, select: { name: true } }))?.name ?? null;
}

/** An indicator's name by its code, for someone who may see the month's figures. */
export async function indicatorNameForTitle(actor: SessionUser | null | undefined, code: string): Promise<string | null> {
  if (!allowed(actor, "period.view")) return null;
  return (await db.indicator.findUnique({ where: { code }, select: { name: true } }))?.name ?? null;
}
