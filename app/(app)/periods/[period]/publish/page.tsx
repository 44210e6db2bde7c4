// The check page before publication (GOV.UK "check answers"): the signed-off version, who will be
// able to read it, that it cannot be withdrawn except by an amendment, and the button that publishes.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { formatDateTime, formatMonth, isMonth } from "@/lib/format/dates";
import { findPublishCheck } from "@/lib/pack/lifecycle/find-step-check";
import { countOf } from "@/lib/pack/lifecycle/summarise-pack";
import { SummaryRow } from "@/components/summary-list";
import { ConfirmStepForm } from "../pack-forms";
import { PackCountRows, PackWarnings, SectionRows } from "../pack-summary";
import { WarningText } from "@/components/warning-text";

type Props = { params: Promise<{ period: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { period } = await params;
  return { title: isMonth(period) ? `Check before you publish the ${formatMonth(period)} pack` : "Check before you publish" };
}

export default async function PublishCheckPage({ params }: Props) {
  const user = await requirePermission("pack.publish");
  const { period: month } = await params;
  const check = await findPublishCheck(user, month);
  if (!check) notFound();
  const { plan, pending, replaces, panel, period } = check;
  const back = `/periods/${month}`;
  // The summary is read only from an intact stored pack.
  const summary = plan.ok && pending?.intact ? pending.summary : null;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={back} className="govuk-back-link">
          Back to {formatMonth(month)}
        </a>
        <span className="govuk-caption-l">{formatMonth(month)}</span>
        <h1 className="govuk-heading-xl">Check before you publish the pack</h1>

        {!plan.ok ? (
          <div className="govuk-inset-text">{plan.message}.</div>
        ) : !pending ? (
          <div className="govuk-inset-text">There is no signed-off version to publish.</div>
        ) : !pending.intact || !pending.summary ? (
          <div className="govuk-inset-text">
            Version {pending.version} failed its integrity check (the stored pack does not match its fingerprint), so it cannot be
            published. Tell your administrator.
          </div>
        ) : null}

        {pending && summary ? (
          <>
            <h2 className="govuk-heading-m">What you are publishing</h2>
            <dl className="govuk-summary-list">
              <SummaryRow label="Month">{formatMonth(month)}</SummaryRow>
              <SummaryRow label="Version">
                {pending.version}
                {pending.amendmentReason ? `: an amendment (${pending.amendmentReason})` : ""}
              </SummaryRow>
              <SummaryRow label="Signed off">
                By {pending.signedOffByName} on {formatDateTime(pending.signedOffAt)}
              </SummaryRow>
              {replaces ? (
                <SummaryRow label="Replaces">
                  Version {replaces}, which stays readable, marked &ldquo;Superseded by version {pending.version}&rdquo;
                </SummaryRow>
              ) : null}
              <PackCountRows summary={summary} />
            </dl>
            <PackWarnings summary={summary} />
            <p className="govuk-body">
              <a className="govuk-link" href={`/packs/${month}?version=${pending.version}`}>
                Read the signed-off pack
              </a>
            </p>

            <h2 className="govuk-heading-m">Sections and their commentary</h2>
            <SectionRows month={month} summary={summary} />

            <h2 className="govuk-heading-m">Who will be able to read it</h2>
            {panel.length ? (
              <>
                <p className="govuk-body">{countOf(panel.length, "panel member")} with an account, from the moment you publish:</p>
                <ul className="govuk-list govuk-list--bullet" id="panel-members">
                  {panel.map((name, i) => (
                    <li key={i}>{name}</li>
                  ))}
                </ul>
              </>
            ) : (
              <WarningText>
                There are no panel members with an active account, so no one on the panel will be able to read it. An administrator adds
                them under Users.
              </WarningText>
            )}
            <p className="govuk-body">
              Everyone with a staff account can read it too. Nobody is emailed: Scrutiny Pack does not send the pack or a notice of it, so
              tell the panel yourself that it is ready.
            </p>

            <h2 className="govuk-heading-m">You cannot undo this</h2>
            <p className="govuk-body">
              A published pack cannot be withdrawn. The only way to correct it is an amendment: you give a reason, the month opens again for
              changes, and when you sign off and publish again the panel reads version {pending.version + 1}. Version {pending.version}{" "}
              stays readable, marked as superseded, and the reason is printed in the pack&rsquo;s amendment log.
            </p>

            <ConfirmStepForm
              month={month}
              version={period.version}
              intent="publish"
              label={`Publish the ${formatMonth(month)} pack`}
              pendingLabel="Publishing..."
            />
          </>
        ) : (
          <p className="govuk-body">
            <a className="govuk-link" href={back}>
              Return to {formatMonth(month)}
            </a>
          </p>
        )}
      </div>
    </div>
  );
}
