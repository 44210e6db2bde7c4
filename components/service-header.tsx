// The council's header and the service navigation, with who is signed in. Plain links and a sign-out
// form, so it works without JavaScript and renders the same inside Next and in the published pack's
// stored page (lib/pack/render/pack-page-html.tsx).
import type { Role } from "@/lib/generated/prisma/enums";
import { appConfig } from "@/lib/config/app";
import { roleLabel } from "@/lib/auth/roles";
import { navigationFor } from "@/lib/navigation";
import { NavLinks } from "@/components/nav-links";
import { NavList } from "@/components/nav-list";

/**
 * Who the header is for. A person on a live page: their name and what waits for them. A role on a
 * stored pack page: the same bytes for everyone with that role, so they are compressed once and
 * never carry one reader's name to another.
 */
export type HeaderReader = { kind: "person"; name: string; role: Role; waiting: number } | { kind: "role"; role: Role } | null;

/** "a director", "an administrator": the role as a stored page's header names it. */
export function withArticle(label: string): string {
  const lower = label.toLowerCase();
  return `${/^[aeiou]/.test(lower) ? "an" : "a"} ${lower}`;
}

/** `pathname`: the page's path when it is known here (stored pages); live pages read it in the browser. */
export function ServiceHeader({ reader, pathname }: { reader: HeaderReader; pathname?: string }) {
  const nav = reader ? navigationFor(reader.role) : null;
  return (
    <>
      <header className="govuk-generic-header" data-module="govuk-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <a href="/" className="govuk-generic-header__homepage-link">
              {appConfig.councilName}
            </a>
          </div>
        </div>
      </header>
      <section aria-label="Service information" className="govuk-service-navigation">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <a href="/" className="govuk-service-navigation__link">
                {appConfig.serviceName}
              </a>
            </span>
            {nav ? pathname !== undefined ? <NavList items={nav} pathname={pathname} /> : <NavLinks items={nav} /> : null}
          </div>
          {reader ? (
            <div className="app-header-user">
              {reader.kind === "person" ? (
                <span>
                  Signed in as <strong>{reader.name}</strong>, {roleLabel[reader.role]}
                </span>
              ) : (
                <span>Signed in as {withArticle(roleLabel[reader.role])}</span>
              )}
              {reader.kind === "person" && reader.waiting > 0 ? (
                <a className="govuk-link app-waiting" href="/">
                  <strong className="govuk-tag govuk-tag--red">{reader.waiting}</strong>{" "}
                  {reader.waiting === 1 ? "item waiting" : "items waiting"} for you
                </a>
              ) : null}
              <a className="govuk-link" href="/account/password">
                Change your password
              </a>
              <a className="govuk-link" href="/account/two-step">
                Two-step sign-in
              </a>
              <form method="post" action="/logout" className="app-inline-form">
                <button type="submit" className="app-link-button">
                  Sign out
                </button>
              </form>
            </div>
          ) : null}
        </div>
      </section>
    </>
  );
}
