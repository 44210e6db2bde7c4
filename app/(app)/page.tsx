import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { roleLabel } from "@/lib/auth/roles";
import { AdminHome } from "./home/admin-home";
import { LeadHome } from "./home/lead-home";
import { DirectorHome } from "./home/director-home";
import { PanelHome } from "./home/panel-home";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const user = await requirePermission("home.view");
  return (
    <>
      <span className="govuk-caption-l">{roleLabel[user.role]}</span>
      {user.role === "ADMIN" ? <AdminHome /> : null}
      {user.role === "SERVICE_LEAD" ? <LeadHome user={user} /> : null}
      {user.role === "DIRECTOR" ? <DirectorHome /> : null}
      {user.role === "PANEL_MEMBER" ? <PanelHome user={user} /> : null}
    </>
  );
}
