import Link from "next/link";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/page-shell";
import { getUserChangingPassword } from "@/lib/auth/current-user";
import { appConfig } from "@/lib/config/app";
import { generateTotpSecret, totpUri } from "@/lib/auth/totp";
import { findSecondFactorStatus } from "@/lib/users/second-factor";
import { TwoStepForm } from "./two-step-form";

export const metadata: Metadata = { title: "Two-step sign-in" };
export const dynamic = "force-dynamic";

const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "Europe/London",
});

// Outside the (app) layout on purpose: with SECOND_FACTOR_REQUIRED on, that layout sends
// administrators and the director here until they have set it up.
export default async function TwoStepPage() {
  const account = await getUserChangingPassword();
  if (!account) redirect("/login?callbackUrl=%2Faccount%2Ftwo-step");
  if (account.mustChangePassword) redirect("/account/password");
  const status = await findSecondFactorStatus(account.user);
  // A new secret each time the page is drawn; it is kept only when a code from it is entered.
  const secret = generateTotpSecret();
  return (
    <PageShell user={account.user}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {account.mustSetUpSecondFactor ? null : (
            <Link href="/" className="govuk-back-link">
              Back
            </Link>
          )}
          {!status.local ? (
            <>
              <h1 className="govuk-heading-l">Two-step sign-in</h1>
              <p className="govuk-body">You sign in with Microsoft, so two-step sign-in is set up there, not here.</p>
            </>
          ) : status.enabledAt ? (
            <>
              <h1 className="govuk-heading-l">Two-step sign-in is on</h1>
              <p className="govuk-body">
                Since {dateTime.format(status.enabledAt)}, signing in needs a code from your authenticator app after your password.
              </p>
              <p className="govuk-body">
                You have {status.recoveryCodesLeft} unused recovery {status.recoveryCodesLeft === 1 ? "code" : "codes"}. If you lose your
                app and your codes, ask an administrator to reset your password.
              </p>
            </>
          ) : (
            <TwoStepForm
              secret={secret}
              uri={totpUri(secret, account.user.email, appConfig.serviceName)}
              required={account.mustSetUpSecondFactor}
            />
          )}
        </div>
      </div>
    </PageShell>
  );
}
