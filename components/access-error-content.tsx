// What the 404 and 403 pages say. The root not-found.tsx and forbidden.tsx put it in a page shell;
// the signed-in area's own ones (app/(app)/) do not, because its layout has already drawn one.
// Each sets the page's title itself: Next.js would otherwise keep the title of the page that
// refused (WCAG 2.4.2), since that page's generateMetadata has already run.
import Link from "next/link";
import { PageTitle } from "@/components/page-title";
import { pageTitle } from "@/lib/config/app";

export function PageNotFoundContent() {
  return (
    <>
      <PageTitle text={pageTitle("Page not found")} />
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">
        If you typed the web address, check it is correct. If you pasted it, check you copied the entire address.
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" href="/">
          Go to your home page
        </Link>
      </p>
    </>
  );
}

export function ForbiddenContent() {
  return (
    <>
      <PageTitle text={pageTitle("You do not have access")} />
      <h1 className="govuk-heading-l">You do not have access to this page</h1>
      <p className="govuk-body">Your role does not include this part of Scrutiny Pack. If you think it should, ask an administrator.</p>
      <p className="govuk-body">
        <Link className="govuk-link" href="/">
          Go to your home page
        </Link>
      </p>
    </>
  );
}
