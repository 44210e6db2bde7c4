// The check page before sign-off (GOV.UK "check answers"): what will be frozen, who is told, that it
// cannot be undone except by an amendment, and the button that signs off.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { formatMonth, isMonth } from "@/lib/format/dates";
import { findSignOffCheck } from "@/lib/pack/lifecycle/find-step-check";
import { SummaryRow } from "@/components/summary-list";
import { NotReadyList } from "../pack-controls";
import { ConfirmStepForm } from "../pack-forms";
import { PackCountRows, PackWarnings, SectionRows } from "../pack-summary";

type Props = { params: Promise<{ period: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { period } = await params;
  return { title: isMonth(period) ? `Check before you sign off the ${formatMonth(period)} pack` : "Check before you sign off" };
}

export default async function SignOffCheckPage({ params }: Props) {
  const user = await requirePermission("pack.signOff");
  const { period: month } = await params;
  const check = await findSignOffCheck(user, month);
  if (!check) notFound();
  const { plan, summary, nextVersion, period } = check;
  const back = `/periods/${month}`;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={back} className="govuk-back-link">
          Back to {formatMonth(month)}
        </a>
        <span className="govuk-caption-l">{formatMonth(month)}</span>
        <h1 className="govuk-heading-xl">Check before you sign off the pack</h1>

        {!plan.ok ? (
          <div className="govuk-inset-text">{plan.message}.</div>
        ) : !summary ? (
          <div className="govuk-inset-text">
            <h2 className="govuk-heading-s">The pack cannot be signed off yet</h2>
            <NotReadyList month={month} readiness={{ sectionsNotApproved: check.notApproved, missingValues: check.missingValues }} />
          </div>
        ) : (
          <>
            <h2 className="govuk-heading-m">What you are signing off</h2>
            <dl className="govuk-summary-list">
              <SummaryRow label="Month">{formatMonth(month)}</SummaryRow>
              <SummaryRow label="Version">
                {nextVersion}
                {period.amendmentReason ? `: an amendment (${period.amendmentReason})` : ""}
              </SummaryRow>
              <PackCountRows summary={summary} />
            </dl>
            <PackWarnings summary={summary} />
            <p className="govuk-body">
              <a className="govuk-link" href={`/packs/${month}?preview=1`}>
                Preview the pack as it will be frozen
              </a>
            </p>

            <h2 className="govuk-heading-m">Sections and their commentary</h2>
            <SectionRows month={month} summary={summary} />

            <h2 className="govuk-heading-m">What happens when you sign off</h2>
            <ul className="govuk-list govuk-list--bullet">
              <li>
                The figures, targets, RAG ratings, changes since last month and last year, comparators, charts, commentary, actions on
                exceptions and the panel&rsquo;s recommendations are frozen exactly as they are now.
              </li>
              <li>Nobody can change this month&rsquo;s figures or commentary after that.</li>
              <li>
                Nobody is emailed. Staff see on this month&rsquo;s page that the pack is signed off. The scrutiny panel cannot read it until
                you publish it, which is a separate step with its own check.
              </li>
            </ul>

            <h2 className="govuk-heading-m">You cannot undo this</h2>
            <p className="govuk-body">
              A signed-off pack cannot be reopened. Once it is published, the only way to correct it is an amendment: you give a reason, the
              month opens again for changes, and signing off again makes a new version. The earlier version stays readable, marked as
              superseded, and the reason is printed in the pack&rsquo;s amendment log.
            </p>

            <ConfirmStepForm
              month={month}
              version={period.version}
              intent="signOff"
              label={`Sign off the ${formatMonth(month)} pack`}
              pendingLabel="Signing off..."
            />
          </>
        )}
        {!plan.ok || !summary ? (
          <p className="govuk-body">
            <a className="govuk-link" href={back}>
              Return to {formatMonth(month)}
            </a>
          </p>
        ) : null}
      </div>
    </div>
  );
}
