"use client";
// Marks the current section of the service in the navigation.
import { usePathname } from "next/navigation";
import { currentNavHref } from "@/lib/current-nav-href";

export function NavLinks({ items }: { items: { href: string; text: string }[] }) {
  const pathname = usePathname() ?? "/";
  const best = currentNavHref(items, pathname);
  const current = (href: string) => href === best;
  return (
    <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
      <ul className="govuk-service-navigation__list" id="navigation">
        {items.map((item) => {
          const active = current(item.href);
          return (
            <li key={item.href} className={`govuk-service-navigation__item${active ? " govuk-service-navigation__item--active" : ""}`}>
              <a className="govuk-service-navigation__link" href={item.href} aria-current={active ? "page" : undefined}>
                {active ? <strong className="govuk-service-navigation__active-fallback">{item.text}</strong> : item.text}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
