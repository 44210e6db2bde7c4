import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser, requirePermission } from "@/lib/auth/current-user";
import { loadForPage } from "@/lib/page-guards";
import { formatDate, formatDateTime, formatMonth } from "@/lib/format/dates";
import { findRecommendation } from "@/lib/recommendations/find-recommendations";
import { RECOMMENDATION_STATE_LABEL, RECOMMENDATION_TAG_CLASS } from "@/lib/recommendations/recommendation-workflow";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { GovukTable } from "@/components/govuk-table";
import { NotificationBanner } from "@/components/notification-banner";
import { SummaryRow } from "@/components/summary-list";
import { RespondForm, TextStepForm } from "./recommendation-forms";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  try {
    return { title: `Recommendation: ${(await findRecommendation(await getCurrentUser(), (await params).id)).name}` };
  } catch {
    return { title: "Recommendation" };
  }
}

const DONE_MESSAGE: Record<string, string> = {
  recorded: "Recommendation recorded. The directors have been told a response is due.",
  responded: "The executive's response has been recorded",
  updated: "Progress update added",
  implemented: "Recommendation marked as implemented",
  closed: "Recommendation closed",
};

/** Text as typed: paragraphs at blank lines, line breaks kept. */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((p, i) => (
        <p key={i} className="govuk-body app-preserve-lines">
          {p}
        </p>
      ))}
    </>
  );
}

export default async function RecommendationPage({ params, searchParams }: Props) {
  const user = await requirePermission("recommendation.view");
  const { id } = await params;
  const { done } = await searchParams;
  const r = await loadForPage(findRecommendation(user, id));
  const where = { id: r.id, version: r.version };
  const can = (step: (typeof r.steps)[number]) => r.steps.includes(step);
  return (
    <>
      <Breadcrumbs items={[{ href: "/recommendations", text: "Recommendations" }]} />
      {done && DONE_MESSAGE[done] ? (
        <NotificationBanner id="done-title" heading={DONE_MESSAGE[done]} focusKey={`${done}-${r.version}`} />
      ) : null}
      <span className="govuk-caption-l">Panel meeting of {formatDate(r.meetingDate)}</span>
      <h1 className="govuk-heading-xl">{r.name}</h1>
      <p className="govuk-body">
        <strong className={`govuk-tag ${RECOMMENDATION_TAG_CLASS[r.status]}`}>{RECOMMENDATION_STATE_LABEL[r.status]}</strong>
      </p>
      <div className="govuk-inset-text">
        <Paragraphs text={r.text} />
      </div>
      <dl className="govuk-summary-list">
        <SummaryRow label="Meeting">
          {formatDate(r.meetingDate)}, on the{" "}
          <Link className="govuk-link" href={`/packs/${r.month}`}>
            {formatMonth(r.month)} pack
          </Link>
        </SummaryRow>
        <SummaryRow label="Addressed to">{r.addressedTo}</SummaryRow>
        <SummaryRow label="Response">
          {r.due ? (
            <span className={r.due.overdue ? "app-deadline--overdue" : undefined}>
              <span aria-hidden="true">{r.due.symbol} </span>
              {r.due.text}
            </span>
          ) : r.response ? (
            <>
              Recorded {formatDate(r.response.at)} by {r.response.byName} (it was due {formatDate(r.responseDue)})
            </>
          ) : (
            <>None: closed before a response (it was due {formatDate(r.responseDue)})</>
          )}
        </SummaryRow>
        <SummaryRow label="Indicators">
          {r.indicators.length ? (
            <ul className="govuk-list">
              {r.indicators.map((i) => (
                <li key={i.code}>
                  <Link className="govuk-link" href={`/packs/${r.month}#ind-${i.code}`}>
                    {i.name}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            "None named"
          )}
        </SummaryRow>
        <SummaryRow label="Sections">{r.sections.length ? r.sections.map((s) => s.name).join(", ") : "None named"}</SummaryRow>
        <SummaryRow label="Recorded">
          {formatDateTime(r.recordedAt)} by {r.recordedBy}
        </SummaryRow>
      </dl>

      {r.closed ? (
        <div className="govuk-inset-text">
          <h2 className="govuk-heading-m">{r.status === "IMPLEMENTED" ? "Implemented" : "Closed"}</h2>
          <p className="govuk-body">{formatDateTime(r.closed.at)}</p>
          {r.closed.reason ? <Paragraphs text={r.closed.reason} /> : null}
        </div>
      ) : null}

      {r.response ? (
        <>
          <h2 className="govuk-heading-l">The executive&rsquo;s response</h2>
          <Paragraphs text={r.response.reasons} />
          <GovukTable
            caption="Actions agreed"
            captionSize="m"
            scroll={{ label: "Actions agreed", className: "app-scroll-region--spaced" }}
            rows={r.actions}
            rowKey={(a) => a.id}
            empty={
              <>
                <h3 className="govuk-heading-m">Actions agreed</h3>
                <p className="govuk-body">None.</p>
              </>
            }
            columns={[
              { header: "Action", rowHeader: true, cell: (a) => a.description },
              { header: "Owner", cell: (a) => a.ownerName },
              { header: "Due", cell: (a) => formatDate(a.dueDate) },
            ]}
          />
        </>
      ) : null}

      {r.updates.length ? (
        <>
          <h2 className="govuk-heading-l">Progress updates</h2>
          <ol className="govuk-list" reversed>
            {r.updates.map((u) => (
              <li key={u.id} className="govuk-!-margin-bottom-6">
                <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                  {formatDateTime(u.at)}, {u.authorName}
                </h3>
                <Paragraphs text={u.body} />
              </li>
            ))}
          </ol>
        </>
      ) : null}

      {r.steps.length ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            {can("respond") ? <RespondForm {...where} /> : null}
            {can("update") || can("implement") || can("close") ? (
              <h2 className="govuk-heading-l">{can("respond") ? "Or close it" : "Follow it up"}</h2>
            ) : null}
            {can("update") ? <TextStepForm {...where} step="update" /> : null}
            {can("implement") ? <TextStepForm {...where} step="implement" /> : null}
            {can("close") ? <TextStepForm {...where} step="close" /> : null}
          </div>
        </div>
      ) : null}
    </>
  );
}
