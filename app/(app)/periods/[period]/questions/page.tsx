import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { loadForPage } from "@/lib/page-guards";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { GovukTable } from "@/components/govuk-table";
import { formatDate, formatMonth, isMonth } from "@/lib/format/dates";
import { aboutLabel, findPeriodQuestions } from "@/lib/questions/find-questions";
import { QUESTION_STATE_LABEL, QUESTION_TAG_CLASS } from "@/lib/questions/question-workflow";

type Props = { params: Promise<{ period: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { period } = await params;
  return { title: isMonth(period) ? `Questions from the panel, ${formatMonth(period)}` : "Questions from the panel" };
}

export default async function PeriodQuestionsPage({ params }: Props) {
  const user = await requirePermission("question.viewAll");
  const { period: month } = await params;
  const p = await loadForPage(findPeriodQuestions(user, month));
  const label = formatMonth(p.month);

  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/periods", text: "Periods" },
          { href: `/periods/${p.month}`, text: label },
        ]}
      />
      <span className="govuk-caption-l">{label}</span>
      <h1 className="govuk-heading-xl">Questions from the panel</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {p.meeting ? (
            <p className="govuk-body">
              For the meeting on {formatDate(p.meeting)}. {p.open ? "Questions close" : "Questions closed"} at the end of{" "}
              {formatDate(p.deadline!)}; answers are due by {formatDate(p.answersDue!)}.
            </p>
          ) : null}
          <p className="govuk-body">
            A section&rsquo;s leads answer questions about it and its indicators; the director answers questions about the whole pack and
            approves every answer before it is added to the pack.
          </p>
          <p className="govuk-body">
            {p.questions.length === 0
              ? "No question has been asked yet."
              : `${p.waiting === 0 ? "Every question has been answered" : `${p.waiting} waiting for an approved answer`}; ${
                  p.forYou === 0 ? "none needs anything from you" : `${p.forYou} for you to answer or review`
                }.`}
          </p>
        </div>
      </div>
      {p.questions.length ? (
        <GovukTable
          caption={`Questions about the ${label} pack`}
          captionSize="m"
          scroll={{ label: "Questions from the panel" }}
          rows={p.questions}
          rowKey={(q) => q.id}
          columns={[
            {
              header: "About",
              rowHeader: true,
              cell: (q) => (
                <>
                  <span className="govuk-!-display-block">{aboutLabel(q.about)}</span>
                  <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                    {q.body.length > 120 ? `${q.body.slice(0, 117).trimEnd()}\u2026` : q.body}
                  </span>
                </>
              ),
            },
            {
              header: "Asked by",
              cell: (q) => (
                <>
                  {q.askedByName}
                  <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">{formatDate(q.askedAt)}</span>
                </>
              ),
            },
            {
              header: "Status",
              cell: (q) => <strong className={`govuk-tag ${QUESTION_TAG_CLASS[q.status]}`}>{QUESTION_STATE_LABEL[q.status]}</strong>,
            },
            {
              header: <span className="govuk-visually-hidden">Action</span>,
              cell: (q) => (
                <a className="govuk-link" href={`/periods/${p.month}/questions/${q.id}`}>
                  {q.next}
                  <span className="govuk-visually-hidden">
                    {" "}
                    question {q.number}, about {aboutLabel(q.about).replace(/^The whole pack$/, "the whole pack")}, from {q.askedByName}
                  </span>
                </a>
              ),
            },
          ]}
        />
      ) : null}
    </>
  );
}
