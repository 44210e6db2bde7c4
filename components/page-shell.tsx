// The frame of every page: skip link, header, main content and footer.
import Link from "next/link";
import type { ReactNode } from "react";
import type { SessionUser } from "@/lib/auth/roles";
import { ServiceHeader } from "@/components/service-header";
import { appConfig } from "@/lib/config/app";
import { countWaitingItems } from "@/lib/tasks/find-tasks";

export async function PageShell({ user, children, stored = false }: { user: SessionUser | null; children: ReactNode; stored?: boolean }) {
  const waiting = user && !stored ? await countWaitingItems(user).catch(() => 0) : 0;
  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        Skip to main content
      </a>
      <ServiceHeader user={user} waiting={waiting} stored={stored} />
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper app-main" id="main-content" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="govuk-footer app-no-print">
        <div className="govuk-width-container">
          <h2 className="govuk-visually-hidden">Support links</h2>
          <ul className="govuk-footer__inline-list">
            <li className="govuk-footer__inline-list-item">
              <Link className="govuk-footer__link" href="/accessibility">
                Accessibility statement
              </Link>
            </li>
          </ul>
          <p className="govuk-body-s">{appConfig.councilName}: Children's Services performance reporting</p>
        </div>
      </footer>
    </>
  );
}
