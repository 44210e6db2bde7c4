import Link from "next/link";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/page-shell";
import { getUserChangingPassword } from "@/lib/auth/current-user";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Change your password" };
export const dynamic = "force-dynamic";

// Outside the (app) layout on purpose: that layout sends someone who must choose a new password here.
export default async function ChangePasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const account = await getUserChangingPassword();
  if (!account) redirect("/login?callbackUrl=%2Faccount%2Fpassword");
  const done = (await searchParams).done === "1";
  return (
    <PageShell user={account.user}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {account.mustChangePassword ? null : (
            <Link href="/" className="govuk-back-link">
              Back
            </Link>
          )}
          {done ? (
            <div
              className="govuk-notification-banner govuk-notification-banner--success"
              role="alert"
              aria-labelledby="password-changed-title"
              data-module="govuk-notification-banner"
            >
              <div className="govuk-notification-banner__header">
                <h2 className="govuk-notification-banner__title" id="password-changed-title">
                  Success
                </h2>
              </div>
              <div className="govuk-notification-banner__content">
                <p className="govuk-notification-banner__heading">Your password has been changed</p>
                <p className="govuk-body">You are still signed in here. Anywhere else you were signed in has been signed out.</p>
              </div>
            </div>
          ) : null}
          <ChangePasswordForm forced={account.mustChangePassword} />
        </div>
      </div>
    </PageShell>
  );
}
