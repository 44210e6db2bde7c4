import Link from "next/link";
import type { Metadata } from "next";
import { PageShell } from "@/components/page-shell";
import { accountHelpContact } from "@/lib/config/account-help";
import { ADMIN_SET_PASSWORD_HOURS, LOCK_MINUTES, MAX_FAILED_SIGN_INS } from "@/lib/auth/sign-in-limits";

export const metadata: Metadata = { title: "Forgotten your password" };

// An administrator resets a forgotten password; the app sends no reset links (docs/security.md says why).
export default function ForgottenPasswordPage() {
  const contact = accountHelpContact();
  return (
    <PageShell user={null}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <Link href="/login" className="govuk-back-link">
            Back to sign in
          </Link>
          <h1 className="govuk-heading-l">Forgotten your password</h1>
          <p className="govuk-body">An administrator resets your password for you. Scrutiny Pack does not send reset links by email.</p>
          <ol className="govuk-list govuk-list--number">
            <li>
              {contact.email ? (
                <>
                  Email {contact.name} at{" "}
                  <a className="govuk-link" href={`mailto:${contact.email}`}>
                    {contact.email}
                  </a>
                </>
              ) : (
                <>Contact {contact.name}</>
              )}
              {contact.phone ? `, or phone ${contact.phone}` : ""}. Give the email address you sign in with. Never send your old password.
            </li>
            <li>They will give you a temporary password. It works for {ADMIN_SET_PASSWORD_HOURS} hours.</li>
            <li>Sign in with it. You will then choose a new password that only you know.</li>
          </ol>
          <p className="govuk-body">
            If you used two-step sign-in, the reset turns it off. Set it up again from &ldquo;Two-step sign-in&rdquo; once you have signed
            in.
          </p>
          <h2 className="govuk-heading-m">If your account is locked</h2>
          <p className="govuk-body">
            After {MAX_FAILED_SIGN_INS} wrong attempts in a row an account is locked for {LOCK_MINUTES} minutes. Wait and try again, or ask{" "}
            {contact.name} to unlock it.
          </p>
          <h2 className="govuk-heading-m">If you sign in with Microsoft</h2>
          <p className="govuk-body">
            Your password is your council Microsoft account&rsquo;s. Reset it the way your council&rsquo;s IT service tells you.
          </p>
        </div>
      </div>
    </PageShell>
  );
}
