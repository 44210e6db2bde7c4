import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { loadForPage } from "@/lib/page-guards";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { NotificationBanner } from "@/components/notification-banner";
import { SummaryRow } from "@/components/summary-list";
import { formatDate, formatDateTime, formatMonth } from "@/lib/format/dates";
import { aboutAnchor, aboutLabel, findQuestion } from "@/lib/questions/find-questions";
import { QUESTION_STATE_LABEL, QUESTION_TAG_CLASS } from "@/lib/questions/question-workflow";
import type { QuestionStatus } from "@/lib/generated/prisma/enums";
import { AnswerForm, ReviewAnswerForm } from "./question-forms";

type Props = { params: Promise<{ period: string; id: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { period } = await params;
  return { title: `Question from the panel, ${formatMonth(period)}` };
}

// What each step says when the page comes back after it; only while the question is still where the step left it.
const DONE: Record<string, { status: QuestionStatus; message: string }> = {
  save: { status: "DRAFT", message: "Draft answer saved" },
  submit: { status: "SUBMITTED", message: "Answer sent to the director for approval" },
  approve: { status: "APPROVED", message: "Answer approved: it is now in the pack, under Questions from the panel" },
  answer: { status: "APPROVED", message: "Answer approved: it is now in the pack, under Questions from the panel" },
  return: { status: "RETURNED", message: "Answer returned with your comment" },
};

const REVIEW_WORDS: Record<string, string> = { SUBMIT: "Sent for approval", RETURN: "Returned", APPROVE: "Approved" };

export default async function QuestionPage({ params, searchParams }: Props) {
  const user = await requirePermission("question.viewAll");
  const { period: month, id } = await params;
  const { done } = await searchParams;
  const q = await loadForPage(findQuestion(user, id));
  if (q.month !== month) notFound();
  const about = aboutLabel(q.about);
  const where = { id: q.id, month: q.month, version: q.version };
  const answering = q.may.save || q.may.submit || q.may.answer;
  const reviewing = q.may.approve || q.may.return;

  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/periods", text: "Periods" },
          { href: `/periods/${month}`, text: formatMonth(month) },
          { href: `/periods/${month}/questions`, text: "Questions from the panel" },
        ]}
      />
      {done && DONE[done]?.status === q.status ? (
        <NotificationBanner id="done-title" heading={DONE[done].message} focusKey={`${done}-${q.version}`} />
      ) : null}
      <span className="govuk-caption-l">Question from the panel, {formatMonth(month)}</span>
      <h1 className="govuk-heading-xl">About {q.about.kind === "pack" ? "the whole pack" : about}</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <dl className="govuk-summary-list">
            <SummaryRow label="Status">
              <strong className={`govuk-tag ${QUESTION_TAG_CLASS[q.status]}`}>{QUESTION_STATE_LABEL[q.status]}</strong>
            </SummaryRow>
            <SummaryRow label="Asked by">
              {q.askedByName}, {formatDateTime(q.askedAt)}
            </SummaryRow>
            <SummaryRow label="About">
              <a className="govuk-link" href={aboutAnchor(q.month, q.about)}>
                {q.about.kind === "pack" ? `The whole ${formatMonth(q.month)} pack` : about}
                {q.about.kind === "indicator" ? ` (${q.about.code}, ${q.about.sectionName})` : ""}
              </a>
            </SummaryRow>
            {q.answersDue ? <SummaryRow label="Answer due by">{formatDate(q.answersDue)}</SummaryRow> : null}
          </dl>

          <h2 className="govuk-heading-m">Question</h2>
          <div className="govuk-inset-text app-preserve-lines">{q.body}</div>

          {q.lastReturn && answering ? (
            <div className="govuk-warning-text app-review-comment" id="returned-comment">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <div className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                <h2 className="govuk-heading-s govuk-!-margin-bottom-2">
                  Returned by {q.lastReturn.authorName}, {formatDateTime(q.lastReturn.createdAt)}
                </h2>
                <p className="govuk-body app-preserve-lines govuk-!-margin-bottom-0">{q.lastReturn.body}</p>
              </div>
            </div>
          ) : null}

          {answering ? (
            <AnswerForm key={q.version} {...where} initialAnswer={q.answer} approveDirectly={q.may.answer} />
          ) : (
            <>
              <h2 className="govuk-heading-m">Answer</h2>
              {q.answer ? (
                <>
                  <p className="govuk-body-s">
                    {q.answeredByName ? `By ${q.answeredByName}` : null}
                    {q.approvedAt ? `; approved by ${q.approvedByName ?? "the director"}, ${formatDateTime(q.approvedAt)}` : null}
                  </p>
                  <div className="govuk-inset-text app-preserve-lines">{q.answer}</div>
                </>
              ) : (
                <p className="govuk-body">No answer has been written yet.</p>
              )}
              {reviewing ? <ReviewAnswerForm key={q.version} {...where} answeredBy={q.answeredByName ?? "the service lead"} /> : null}
              {!reviewing && q.status !== "APPROVED" ? (
                <p className="govuk-body">
                  {q.about.kind === "pack"
                    ? "The director answers questions about the whole pack."
                    : "The leads of the section answer this question; the director approves the answer."}
                </p>
              ) : null}
            </>
          )}

          <h2 className="govuk-heading-m">History</h2>
          {q.reviews.length === 0 ? (
            <p className="govuk-body">Nothing has been sent for approval yet.</p>
          ) : (
            <ol className="govuk-list app-question-history">
              {q.reviews.map((r) => (
                <li key={r.id} className="govuk-!-margin-bottom-3">
                  <p className="govuk-body govuk-!-margin-bottom-1">
                    <strong>{REVIEW_WORDS[r.action] ?? r.action}</strong> by {r.authorName}, {formatDateTime(r.createdAt)}
                  </p>
                  {r.body ? <p className="govuk-body app-preserve-lines govuk-!-margin-bottom-0">{r.body}</p> : null}
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </>
  );
}
