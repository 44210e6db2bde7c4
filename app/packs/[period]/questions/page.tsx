import type { Metadata } from "next";
import { PageShell } from "@/components/page-shell";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { NotificationBanner } from "@/components/notification-banner";
import { SummaryRow } from "@/components/summary-list";
import { requireUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { loadForPage } from "@/lib/page-guards";
import { formatDate, formatMonth, isMonth } from "@/lib/format/dates";
import { aboutAnchor, aboutLabel, findMemberQuestions, type AboutView } from "@/lib/questions/find-questions";
import { QUESTION_STATE_LABEL, QUESTION_TAG_CLASS } from "@/lib/questions/question-workflow";
import type { QuestionStatus } from "@/lib/generated/prisma/enums";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ period: string }>; searchParams: Promise<{ asked?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { period } = await params;
  return { title: isMonth(period) ? `Questions from the panel, ${formatMonth(period)} pack` : "Questions from the panel" };
}

function About({ month, about }: { month: string; about: AboutView }) {
  return (
    <a className="govuk-link" href={aboutAnchor(month, about)}>
      {aboutLabel(about)}
      {about.kind === "indicator" ? ` (${about.sectionName})` : ""}
    </a>
  );
}

function StatusTag({ status }: { status: QuestionStatus }) {
  return <strong className={`govuk-tag ${QUESTION_TAG_CLASS[status]}`}>{QUESTION_STATE_LABEL[status]}</strong>;
}

export default async function MemberQuestionsPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { period: month } = await params;
  const { asked } = await searchParams;
  const q = await loadForPage(findMemberQuestions(user, month));
  const label = formatMonth(q.month);
  const member = can(user.role, "question.ask");
  const staff = can(user.role, "question.viewAll");

  return (
    <PageShell user={user}>
      <Breadcrumbs
        items={[
          { href: "/packs", text: "Published packs" },
          { href: `/packs/${q.month}`, text: `${label} pack` },
        ]}
      />
      {asked === "1" && member ? (
        <NotificationBanner id="asked-title" heading="Your question has been sent">
          {q.answersDue ? (
            <p className="govuk-body">
              It will be answered by {formatDate(q.answersDue)}. You can see it under &ldquo;Your questions&rdquo; below.
            </p>
          ) : null}
        </NotificationBanner>
      ) : null}
      <h1 className="govuk-heading-xl">Questions from the panel, {label} pack</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {q.open ? (
            <>
              <p className="govuk-body">
                Panel members can ask written questions about this pack before the meeting on {formatDate(q.meeting!)}. Questions close at
                the end of {formatDate(q.deadline!)}. Answers are approved by the director and added to the pack by{" "}
                {formatDate(q.answersDue!)}.
              </p>
              {member ? (
                <a
                  href={`/packs/${q.month}/questions/new`}
                  role="button"
                  draggable="false"
                  className="govuk-button"
                  data-module="govuk-button"
                >
                  Ask a question
                </a>
              ) : null}
            </>
          ) : (
            <div className="govuk-inset-text" id="questions-closed">
              {q.closedReason}
            </div>
          )}
          {staff ? (
            <p className="govuk-body">
              <a className="govuk-link" href={`/periods/${q.month}/questions`}>
                See every question for {label}, and answer or review them
              </a>
            </p>
          ) : null}

          {member ? (
            <>
              <h2 className="govuk-heading-l">Your questions</h2>
              {q.mine.length === 0 ? (
                <p className="govuk-body">You have not asked a question about this pack.</p>
              ) : (
                q.mine.map((m, i) => (
                  <div className="govuk-summary-card" key={m.id}>
                    <div className="govuk-summary-card__title-wrapper">
                      <h3 className="govuk-summary-card__title">Your question {i + 1}</h3>
                    </div>
                    <div className="govuk-summary-card__content">
                      <dl className="govuk-summary-list">
                        <SummaryRow label="Status">
                          <StatusTag status={m.status} />
                        </SummaryRow>
                        <SummaryRow label="About">
                          <About month={q.month} about={m.about} />
                        </SummaryRow>
                        <SummaryRow label="Asked">{formatDate(m.askedAt)}</SummaryRow>
                        <SummaryRow label="Question">
                          <span className="app-preserve-lines">{m.body}</span>
                        </SummaryRow>
                        {m.answer !== null ? (
                          <SummaryRow label="Answer">
                            <span className="app-preserve-lines">{m.answer}</span>
                          </SummaryRow>
                        ) : null}
                      </dl>
                    </div>
                  </div>
                ))
              )}
            </>
          ) : null}

          <h2 className="govuk-heading-l">Answered questions</h2>
          {q.answered.length === 0 ? (
            <p className="govuk-body">No question about this pack has been answered yet.</p>
          ) : (
            q.answered.map((a) => (
              <div className="govuk-summary-card" key={a.id}>
                <div className="govuk-summary-card__title-wrapper">
                  <h3 className="govuk-summary-card__title">Question {a.number}</h3>
                </div>
                <div className="govuk-summary-card__content">
                  <dl className="govuk-summary-list">
                    <SummaryRow label="About">
                      <About month={q.month} about={a.about} />
                    </SummaryRow>
                    <SummaryRow label="Asked by">
                      {a.askedBy ?? "A panel member"}, {formatDate(a.askedAt)}
                    </SummaryRow>
                    <SummaryRow label="Question">
                      <span className="app-preserve-lines">{a.body}</span>
                    </SummaryRow>
                    <SummaryRow label="Answer">
                      <span className="app-preserve-lines">{a.answer}</span>
                    </SummaryRow>
                    <SummaryRow label="Answered by">
                      {a.answeredBy}
                      {a.approvedBy && a.approvedBy !== a.answeredBy ? `; approved by ${a.approvedBy}` : ""}, {formatDate(a.approvedAt)}
                    </SummaryRow>
                  </dl>
                </div>
              </div>
            ))
          )}
        </div>
      </div>
    </PageShell>
  );
}
