import type { SessionUser } from "@/lib/auth/roles";
import { findPublishedPeriods } from "@/lib/home/home-summary";
import { findMemberAnsweredQuestions } from "@/lib/tasks/find-panel-tasks";
import { formatDate, formatMonth } from "@/lib/format/dates";
import { TaskList } from "@/components/task-list";
import { QuestionTag } from "./question-tasks";

export async function PanelHome({ user }: { user: SessionUser }) {
  const [periods, answered] = await Promise.all([findPublishedPeriods(), findMemberAnsweredQuestions(user)]);
  return (
    <>
      <h1 className="govuk-heading-xl">Performance packs</h1>
      {answered.length > 0 ? (
        <section aria-labelledby="answered-title">
          <h2 className="govuk-heading-m" id="answered-title">
            Your questions answered
          </h2>
          <TaskList
            items={answered.map((q) => ({
              id: `answered-${q.id}`,
              name: `${q.about}, ${formatMonth(q.month)} pack`,
              href: q.href,
              hint: `You asked on ${formatDate(q.askedAt)}. The answer was approved by ${q.approvedByName ?? "the director"} on ${formatDate(q.approvedAt ?? q.askedAt)}.`,
              status: <QuestionTag status={q.status} />,
            }))}
          />
        </section>
      ) : null}
      {periods.length === 0 ? (
        <p className="govuk-body">No packs have been published yet.</p>
      ) : (
        <ul className="govuk-list">
          {periods.map((p) => (
            <li key={p.month}>
              <a className="govuk-link" href={`/packs/${p.month}`}>
                {formatMonth(p.month)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
