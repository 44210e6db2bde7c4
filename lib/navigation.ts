// The service navigation: each link shows only to roles allowed to use what it leads to.
import { can, type Action } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

type NavItem = { href: string; text: string; action: Action };

const NAV: NavItem[] = [
  { href: "/", text: "Home", action: "home.view" },
  { href: "/periods", text: "Periods", action: "period.view" },
  { href: "/packs", text: "Packs", action: "pack.readPublished" },
  { href: "/recommendations", text: "Recommendations", action: "recommendation.view" },
  { href: "/admin", text: "Administration", action: "admin.view" },
  { href: "/admin/indicators", text: "Indicators", action: "indicator.manage" },
  { href: "/admin/sections", text: "Sections", action: "section.manage" },
  { href: "/admin/users", text: "Users", action: "user.manage" },
  { href: "/admin/audit", text: "Audit log", action: "audit.view" },
];

export function navigationFor(role: Role): { href: string; text: string }[] {
  return NAV.filter((item) => can(role, item.action)).map(({ href, text }) => ({ href, text }));
}
