import type { Metadata } from "next";
import { PageShell } from "@/components/page-shell";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { requirePermission } from "@/lib/auth/current-user";
import { loadForPage } from "@/lib/page-guards";
import { formatDate, formatMonth, isMonth } from "@/lib/format/dates";
import { aboutValue, parseAbout } from "@/lib/questions/ask-question";
import { findMemberQuestions } from "@/lib/questions/find-questions";
import { AskQuestionForm } from "./ask-question-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ period: string }>; searchParams: Promise<{ about?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { period } = await params;
  return { title: isMonth(period) ? `Ask a question, ${formatMonth(period)} pack` : "Ask a question" };
}

export default async function AskQuestionPage({ params, searchParams }: Props) {
  const user = await requirePermission("question.ask");
  const { period: month } = await params;
  const { about } = await searchParams;
  const q = await loadForPage(findMemberQuestions(user, month));
  const label = formatMonth(q.month);
  // ?about=indicator:CODE or section:slug from the pack's rows; anything unknown starts at the whole pack.
  const asked = parseAbout(typeof about === "string" ? about : null);
  const known = new Set(q.choices.flatMap((s) => [`section:${s.slug}`, ...s.indicators.map((i) => `indicator:${i.code}`)]));
  const initialAbout = asked && known.has(aboutValue(asked)) ? aboutValue(asked) : "pack";

  return (
    <PageShell user={user}>
      <Breadcrumbs
        items={[
          { href: "/packs", text: "Published packs" },
          { href: `/packs/${q.month}`, text: `${label} pack` },
          { href: `/packs/${q.month}/questions`, text: "Questions from the panel" },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{label} pack</span>
          <h1 className="govuk-heading-xl">Ask a question</h1>
          {q.open ? (
            <>
              <p className="govuk-body">
                Questions close at the end of {formatDate(q.deadline!)}. The answer will be sent to you, and added to the pack, by{" "}
                {formatDate(q.answersDue!)}, before the meeting on {formatDate(q.meeting!)}.
              </p>
              <AskQuestionForm month={q.month} choices={q.choices} initialAbout={initialAbout} monthLabel={label} />
            </>
          ) : (
            <>
              <div className="govuk-inset-text" id="questions-closed">
                <p className="govuk-body govuk-!-font-weight-bold">You cannot ask a question about this pack now.</p>
                <p className="govuk-body govuk-!-margin-bottom-0">{q.closedReason}</p>
              </div>
              <p className="govuk-body">
                You can still raise it at the meeting, or{" "}
                <a className="govuk-link" href={`/packs/${q.month}/questions`}>
                  read the answered questions
                </a>
                .
              </p>
            </>
          )}
        </div>
      </div>
    </PageShell>
  );
}
