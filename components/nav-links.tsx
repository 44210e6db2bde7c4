"use client";
// The navigation on live pages: NavList with the path the browser is on (a server component cannot
// read it, and it changes on client-side navigation).
import { usePathname } from "next/navigation";
import { NavList } from "@/components/nav-list";

export function NavLinks({ items }: { items: { href: string; text: string }[] }) {
  return <NavList items={items} pathname={usePathname() ?? "/"} />;
}
