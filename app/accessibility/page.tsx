// GET /accessibility: the accessibility statement, in the GOV.UK model form, open to everyone (the
// regulations require it to be reachable without signing in). Linked from every page's footer.
import type { Metadata } from "next";
import { PageShell } from "@/components/page-shell";
import { getCurrentUser } from "@/lib/auth/current-user";
import { appConfig } from "@/lib/config/app";

export const metadata: Metadata = { title: "Accessibility statement" };

// Update these when the service is tested again (see docs/accessibility.md).
const PREPARED = "1 December 2026";
const LAST_TESTED = "1 December 2026";

export default async function AccessibilityStatementPage() {
  const user = await getCurrentUser().catch(() => null);
  const council = appConfig.councilName;
  return (
    <PageShell user={user}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">Accessibility statement for {appConfig.serviceName}</h1>
          <p className="govuk-body">
            This accessibility statement applies to {appConfig.serviceName}, the service {council} uses to prepare, sign off and publish the
            monthly children&rsquo;s services performance pack for its scrutiny panel. It covers the pages staff use and the pack that panel
            members read in the browser, print or download as a PDF.
          </p>
          <p className="govuk-body">
            This service is run by {council}. We want as many people as possible to be able to use it. For example, that means you should be
            able to:
          </p>
          <ul className="govuk-list govuk-list--bullet">
            <li>change colours, contrast levels and fonts using browser or device settings</li>
            <li>zoom in up to 400% without the text spilling off the screen</li>
            <li>use every page, including the whole commentary and sign-off workflow, with a keyboard alone</li>
            <li>use most of the service with speech recognition software</li>
            <li>listen to most of the service using a screen reader</li>
          </ul>
          <p className="govuk-body">We&rsquo;ve also made the text as simple as possible to understand.</p>
          <p className="govuk-body">
            <a className="govuk-link" href="https://mcmw.abilitynet.org.uk/" rel="noreferrer">
              AbilityNet
            </a>{" "}
            has advice on making your device easier to use if you have a disability.
          </p>

          <h2 className="govuk-heading-l">How accessible this service is</h2>
          <p className="govuk-body">We know some parts of this service are not fully accessible:</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>
              your session ends 12 hours after you sign in and you are not warned first (commentary you are typing stays in the box, and
              drafts are saved every 30 seconds)
            </li>
            <li>
              the trend charts are pictures: each has a text description of its trend and its month-by-month figures in a table, but the
              chart itself cannot be explored with a screen reader
            </li>
            <li>the PDF of the pack has not been checked against the PDF/UA standard</li>
            <li>
              wide tables (the value grid, the import preview, the audit log) scroll sideways on small screens, inside their own scrolling
              area
            </li>
          </ul>

          <h2 className="govuk-heading-l">Feedback and contact information</h2>
          <p className="govuk-body">
            If you need information in this service in a different format, such as accessible PDF, large print, easy read or audio, ask the
            administrator of {appConfig.serviceName} at {council}, or the council&rsquo;s scrutiny officer. We&rsquo;ll consider your
            request and get back to you within 5 working days.
          </p>

          <h2 className="govuk-heading-l">Reporting accessibility problems with this service</h2>
          <p className="govuk-body">
            We&rsquo;re always looking to improve the accessibility of this service. If you find any problems not listed on this page or
            think we&rsquo;re not meeting accessibility requirements, tell the administrator of {appConfig.serviceName} at {council}.
          </p>

          <h2 className="govuk-heading-l">Enforcement procedure</h2>
          <p className="govuk-body">
            The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile
            Applications) (No. 2) Accessibility Regulations 2018 (the &lsquo;accessibility regulations&rsquo;). If you&rsquo;re not happy
            with how we respond to your complaint,{" "}
            <a className="govuk-link" href="https://www.equalityadvisoryservice.com/" rel="noreferrer">
              contact the Equality Advisory and Support Service (EASS)
            </a>
            .
          </p>

          <h2 className="govuk-heading-l">Technical information about this service&rsquo;s accessibility</h2>
          <p className="govuk-body">
            {council} is committed to making its websites accessible, in accordance with the Public Sector Bodies (Websites and Mobile
            Applications) (No. 2) Accessibility Regulations 2018.
          </p>
          <h3 className="govuk-heading-m">Compliance status</h3>
          <p className="govuk-body">
            This service is partially compliant with the{" "}
            <a className="govuk-link" href="https://www.w3.org/TR/WCAG22/" rel="noreferrer">
              Web Content Accessibility Guidelines version 2.2
            </a>{" "}
            AA standard, due to the non-compliances listed below.
          </p>

          <h2 className="govuk-heading-l">Non-accessible content</h2>
          <p className="govuk-body">The content listed below is non-accessible for the following reasons.</p>
          <h3 className="govuk-heading-m">Non-compliance with the accessibility regulations</h3>
          <ul className="govuk-list govuk-list--bullet">
            <li>
              A session ends 12 hours after sign-in without a warning or a way to extend it. This fails WCAG 2.2 success criterion 2.2.1
              (timing adjustable). The limit protects children&rsquo;s data on shared council computers. Typed commentary is kept and saved
              automatically, so nothing is lost, but you have to sign in again.
            </li>
            <li>
              The pack&rsquo;s PDF is tagged (headings, tables with their headers, text alternatives for charts, an outline), but we have
              not checked it with a PDF accessibility checker or with screen readers reading PDFs, so it may not meet WCAG 2.2 success
              criteria 1.3.1 (info and relationships) and 1.3.2 (meaningful sequence) in every reader. The same pack in the browser does.
            </li>
            <li>
              We have not yet tested the service with screen readers (JAWS, NVDA, VoiceOver) or speech recognition software, only in
              Chromium&rsquo;s accessibility tree. Live messages (the character count, save and upload status) follow the GOV.UK Design
              System, whose character count has{" "}
              <a className="govuk-link" href="https://design-system.service.gov.uk/components/character-count/" rel="noreferrer">
                known issues with some screen readers
              </a>
              .
            </li>
          </ul>
          <h3 className="govuk-heading-m">Disproportionate burden</h3>
          <p className="govuk-body">We are not claiming disproportionate burden for any part of this service.</p>
          <h3 className="govuk-heading-m">Content that&rsquo;s not within the scope of the accessibility regulations</h3>
          <p className="govuk-body">
            Sign-in with Microsoft, where the council has turned it on, is Microsoft&rsquo;s page and outside our control.
          </p>

          <h2 className="govuk-heading-l">What we&rsquo;re doing to improve accessibility</h2>
          <p className="govuk-body">
            Every change to the service runs the automated tests described below before it is released. We plan to test with screen reader
            users and to check the PDF with a PDF accessibility checker.
          </p>

          <h2 className="govuk-heading-l">Preparation of this accessibility statement</h2>
          <p className="govuk-body">
            This statement was prepared on {PREPARED}. It was last reviewed on {PREPARED}.
          </p>
          <p className="govuk-body">
            This service was last tested on {LAST_TESTED}. The tests were carried out by the service&rsquo;s developers:
          </p>
          <ul className="govuk-list govuk-list--bullet">
            <li>
              a manual audit against WCAG 2.2 AA in Chromium: keyboard alone, focus after every action, what is announced, page titles,
              reflow at 320 and 640 pixels wide, and the PDF&rsquo;s tag tree and outline
            </li>
            <li>
              automated browser tests on every release, on every type of page (each role&rsquo;s home page, periods, a period, the value
              grid, the import preview, a section and its history, the pack and the list of packs, the indicator catalogue and an indicator,
              users, the audit log, sign-in, and the &lsquo;page not found&rsquo; and &lsquo;no access&rsquo; pages): axe with the WCAG 2.2
              AA rules at 320 pixels, 640 pixels and desktop width, that no page scrolls sideways at 320 or 640 pixels, and where focus goes
              after each workflow action
            </li>
            <li>an automated test of the PDF: its tags, table headers, outline titles and a text version of every chart&rsquo;s trend</li>
          </ul>
        </div>
      </div>
    </PageShell>
  );
}
