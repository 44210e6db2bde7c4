import type { ReactNode } from "react";
import { PageShell } from "@/components/page-shell";
import { requireUser } from "@/lib/auth/current-user";

// Every page here is per-user: never prerendered or shared between users.
export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return <PageShell user={user}>{children}</PageShell>;
}
