// 404 outside the signed-in area (packs, addresses that match no page): draws its own page shell.
import type { Metadata } from "next";
import { PageShell } from "@/components/page-shell";
import { PageNotFoundContent } from "@/components/access-error-content";
import { getCurrentUser } from "@/lib/auth/current-user";

// An address that matches no page renders this with no page's metadata at all: without a title of its
// own the 404 would keep the layout's generic one.
export const metadata: Metadata = { title: "Page not found" };

export default async function NotFound() {
  const user = await getCurrentUser().catch(() => null);
  return (
    <PageShell user={user}>
      <PageNotFoundContent />
    </PageShell>
  );
}
