// The frame of a live page: PageFrame with the signed-in person's name and what waits for them, and
// the script that cues wide tables to scroll (stored pages have no script).
import type { ReactNode } from "react";
import type { SessionUser } from "@/lib/auth/roles";
import { PageFrame } from "@/components/page-frame";
import { countWaitingItems } from "@/lib/tasks/find-tasks";
import { ScrollCues } from "@/components/scroll-cues";

export async function PageShell({ user, children }: { user: SessionUser | null; children: ReactNode }) {
  const waiting = user ? await countWaitingItems(user).catch(() => 0) : 0;
  return (
    <PageFrame reader={user ? { kind: "person", name: user.name, role: user.role, waiting } : null}>
      <ScrollCues />
      {children}
    </PageFrame>
  );
}
