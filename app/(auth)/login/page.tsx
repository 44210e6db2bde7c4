import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/page-shell";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { entraConfig } from "@/lib/auth/entra";
import { LoginForm } from "./login-form";

function SignedOutBanner() {
  return (
    <div
      className="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby="signed-out-title"
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="signed-out-title">
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">You have signed out</p>
      </div>
    </div>
  );
}

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  if (await getCurrentUser()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? params.error : undefined;
  const expired = params.expired === "1";
  // Set by POST /logout (app/logout/route.ts): says the sign-out worked, and where the person is.
  const signedOut = params.signedOut === "1";
  return (
    <PageShell user={null}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {signedOut ? <SignedOutBanner /> : null}
          <LoginForm callbackUrl={callbackUrl} initialError={error} expired={expired} microsoft={entraConfig() !== null} />
        </div>
      </div>
    </PageShell>
  );
}
