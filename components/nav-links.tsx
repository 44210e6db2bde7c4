"use client";
// The navigation on live pages: NavList with the path the browser is on (a server component cannot
// read it, and it changes on client-side navigation), and GOV.UK Frontend's service navigation script,
// which below the tablet breakpoint folds the links behind a "Menu" button (an administrator's nine
// links otherwise fill a phone's first screen). Without the script the links simply show.
import { useEffect, useRef } from "react";
import { usePathname } from "next/navigation";
import { ServiceNavigation } from "govuk-frontend";
import { NavList } from "@/components/nav-list";

export function NavLinks({ items }: { items: { href: string; text: string }[] }) {
  const nav = useRef<HTMLElement>(null);
  useEffect(() => {
    const root = nav.current;
    if (!root || root.hasAttribute("data-govuk-service-navigation-init")) return;
    // GOV.UK Frontend starts only where the page says scripts run, as its own template's inline script does.
    document.body.classList.add("govuk-frontend-supported");
    new ServiceNavigation(root);
  }, []);
  return <NavList ref={nav} items={items} pathname={usePathname() ?? "/"} />;
}
