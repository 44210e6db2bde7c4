// 404 outside the signed-in area (packs, addresses that match no page): draws its own page shell.
import { PageShell } from "@/components/page-shell";
import { PageNotFoundContent } from "@/components/access-error-content";
import { getCurrentUser } from "@/lib/auth/current-user";

export default async function NotFound() {
  const user = await getCurrentUser().catch(() => null);
  return (
    <PageShell user={user}>
      <PageNotFoundContent />
    </PageShell>
  );
}
