// 404 outside the signed-in area (packs, addresses that match no page): draws its own page shell.
// It also draws a page's 403 or 404 again on the server, when the HTTP server asks for it
// (lib/security/access-page.ts): Next leaves those empty without scripts.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { PageShell } from "@/components/page-shell";
import { ForbiddenContent, PageNotFoundContent } from "@/components/access-error-content";
import { accessPageStatus } from "@/lib/security/access-page";
import { getCurrentUser } from "@/lib/auth/current-user";

// An address that matches no page renders this with no page's metadata at all: without a title of its
// own the 404 would keep the layout's generic one.
export async function generateMetadata(): Promise<Metadata> {
  return { title: accessPageStatus(await headers()) === 403 ? "You do not have access" : "Page not found" };
}

export default async function NotFound() {
  const user = await getCurrentUser().catch(() => null);
  const forbidden = accessPageStatus(await headers()) === 403;
  return <PageShell user={user}>{forbidden ? <ForbiddenContent /> : <PageNotFoundContent />}</PageShell>;
}
