// The frame of every page: skip link, header, main content and footer. Synchronous and free of
// Next.js, so the published pack's stored page is rendered with the very same frame.
import type { ReactNode } from "react";
import { ServiceHeader, type HeaderReader } from "@/components/service-header";
import { appConfig } from "@/lib/config/app";

export function PageFrame({ reader, pathname, children }: { reader: HeaderReader; pathname?: string; children: ReactNode }) {
  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        Skip to main content
      </a>
      <ServiceHeader reader={reader} pathname={pathname} />
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
              <a className="govuk-footer__link" href="/accessibility">
                Accessibility statement
              </a>
            </li>
          </ul>
          <p className="govuk-body-s">{appConfig.councilName}: Children's Services performance reporting</p>
        </div>
      </footer>
    </>
  );
}
