// The council's header and the service navigation, with who is signed in.
import Link from "next/link";
import { appConfig } from "@/lib/config/app";
import { roleLabel, type SessionUser } from "@/lib/auth/roles";
import { navigationFor } from "@/lib/navigation";
import { SignOutButton } from "@/components/sign-out-button";
import { NavLinks } from "@/components/nav-links";

/** `stored`: the published pack's stored HTML, made once for every reader, holds placeholders where
 * the reader's navigation and name go; lib/pack/delivery/stored-html.ts fills them per request. */
export function ServiceHeader({ user, waiting = 0, stored = false }: { user: SessionUser | null; waiting?: number; stored?: boolean }) {
  return (
    <>
      <header className="govuk-generic-header" data-module="govuk-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <Link href="/" className="govuk-generic-header__homepage-link">
              {appConfig.councilName}
            </Link>
          </div>
        </div>
      </header>
      <section aria-label="Service information" className="govuk-service-navigation">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <Link href="/" className="govuk-service-navigation__link">
                {appConfig.serviceName}
              </Link>
            </span>
            {stored ? <span hidden data-app-slot="nav" /> : user ? <NavLinks items={navigationFor(user.role)} /> : null}
          </div>
          {stored ? (
            <span hidden data-app-slot="user" />
          ) : user ? (
            <div className="app-header-user">
              <span>
                Signed in as <strong>{user.name}</strong>, {roleLabel[user.role]}
              </span>
              {waiting > 0 ? (
                <Link className="govuk-link app-waiting" href="/">
                  <strong className="govuk-tag govuk-tag--red">{waiting}</strong> {waiting === 1 ? "item waiting" : "items waiting"} for you
                </Link>
              ) : null}
              <Link className="govuk-link" href="/account/password">
                Change your password
              </Link>
              <Link className="govuk-link" href="/account/two-step">
                Two-step sign-in
              </Link>
              <SignOutButton />
            </div>
          ) : null}
        </div>
      </section>
    </>
  );
}
