// 403 outside the signed-in area (a pack the reader may not see): draws its own page shell.
import { PageShell } from "@/components/page-shell";
import { ForbiddenContent } from "@/components/access-error-content";
import { getCurrentUser } from "@/lib/auth/current-user";

export default async function Forbidden() {
  const user = await getCurrentUser();
  return (
    <PageShell user={user}>
      <ForbiddenContent />
    </PageShell>
  );
}
