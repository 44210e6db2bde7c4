import Link from "next/link";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/page-shell";
import { getUserChangingPassword } from "@/lib/auth/current-user";
import { appConfig } from "@/lib/config/app";
import { generateTotpSecret, totpUri } from "@/lib/auth/totp";
import { findSecondFactorStatus } from "@/lib/users/second-factor";
import { TwoStepForm } from "./two-step-form";
import { TwoStepOffForm } from "./two-step-off-form";

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
export default async function TwoStepPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const turnedOff = (await searchParams).off === "1";
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
            <TwoStepOn enabledAt={status.enabledAt} recoveryCodesLeft={status.recoveryCodesLeft} required={status.required} />
          ) : (
            <>
              {turnedOff ? <TurnedOffBanner /> : null}
              <TwoStepForm
                secret={secret}
                uri={totpUri(secret, account.user.email, appConfig.serviceName)}
                required={account.mustSetUpSecondFactor}
              />
            </>
          )}
        </div>
      </div>
    </PageShell>
  );
}

function TwoStepOn({ enabledAt, recoveryCodesLeft, required }: { enabledAt: Date; recoveryCodesLeft: number; required: boolean }) {
  const about = (
    <>
      <h1 className="govuk-heading-l">Two-step sign-in is on</h1>
      <p className="govuk-body">
        Since {dateTime.format(enabledAt)}, signing in needs a code from your authenticator app after your password.
      </p>
      <p className="govuk-body">
        You have {recoveryCodesLeft} unused recovery {recoveryCodesLeft === 1 ? "code" : "codes"}. If you lose your app and your codes, ask
        an administrator to reset your password.
      </p>
    </>
  );
  if (required)
    return (
      <>
        {about}
        <div className="govuk-inset-text">Administrators and the director must use two-step sign-in, so it cannot be turned off.</div>
      </>
    );
  return <TwoStepOffForm>{about}</TwoStepOffForm>;
}

function TurnedOffBanner() {
  return (
    <div
      className="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby="two-step-off-title"
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="two-step-off-title">
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">Two-step sign-in is off</p>
        <p className="govuk-body">Signing in now needs only your password. You can turn it on again below.</p>
      </div>
    </div>
  );
}
