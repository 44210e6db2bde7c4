"use client";
// A generated password, shown once after it is made. It exists only in this page's memory: it is
// never stored in plain text, never in a URL, and reloading the page loses it for good.
import { useEffect, useRef, useState, type ReactNode } from "react";

export function OneTimePassword({
  title,
  intro,
  password,
  userName,
  children,
}: {
  title: string;
  intro: ReactNode;
  password: string;
  userName: string;
  children: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<"" | "yes" | "no">("");

  useEffect(() => {
    // The form was replaced without a page load: say so to screen readers and the tab title.
    document.title = `${title} - Scrutiny Pack`;
    heading.current?.focus();
  }, [title]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(password);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  }

  return (
    <>
      <div className="govuk-panel govuk-panel--confirmation">
        <h1 className="govuk-panel__title" ref={heading} tabIndex={-1}>
          {title}
        </h1>
        <div className="govuk-panel__body app-break-anywhere">{intro}</div>
      </div>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          Copy this password now. It will not be shown again: Scrutiny Pack keeps only a scrambled form of it.
        </strong>
      </div>
      <h2 className="govuk-heading-m">Password for {userName}</h2>
      <p className="app-one-time-password" id="one-time-password" data-testid="one-time-password">
        {password}
      </p>
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        data-module="govuk-button"
        onClick={() => void copy()}
        aria-describedby="copy-status"
      >
        Copy password
      </button>
      <p className="govuk-body" id="copy-status" role="status">
        {copied === "yes"
          ? "Password copied."
          : copied === "no"
            ? "Your browser did not allow copying: select the password and copy it yourself."
            : ""}
      </p>
      <p className="govuk-body">
        Give it to {userName} in person or by phone, not in the same email as their sign-in address. It has 4 groups of letters and numbers
        separated by hyphens: they type it exactly as shown, hyphens included.
      </p>
      {children}
    </>
  );
}
