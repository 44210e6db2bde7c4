"use client";
// Unexpected errors: a plain message, never a stack trace. The server has logged the detail.
import Link from "next/link";

export default function ErrorPage() {
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
        <p className="govuk-body">Try again later. If it keeps happening, tell your administrator.</p>
        <p className="govuk-body">
          <Link className="govuk-link" href="/">
            Go to your home page
          </Link>
        </p>
      </main>
    </div>
  );
}
