// The service navigation, marking the section the reader is in. The one navigation component: the
// live pages give it the browser's path (nav-links.tsx), and the published pack's stored page is
// rendered with it once per role (lib/pack/render/pack-page-html.tsx). Plain links: the "Menu" button
// is GOV.UK's, hidden until GOV.UK Frontend's script (started by nav-links.tsx) shows it below the
// tablet breakpoint and folds the list away; with no script (stored pages) every link shows.
import type { Ref } from "react";
import { currentNavHref } from "@/lib/current-nav-href";

export function NavList({ items, pathname, ref }: { items: { href: string; text: string }[]; pathname: string; ref?: Ref<HTMLElement> }) {
  const best = currentNavHref(items, pathname);
  return (
    <nav aria-label="Menu" className="govuk-service-navigation__wrapper" ref={ref}>
      <button
        type="button"
        className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
        aria-controls="navigation"
        hidden
      >
        Menu
      </button>
      <ul className="govuk-service-navigation__list" id="navigation">
        {items.map((item) => {
          const active = item.href === best;
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
