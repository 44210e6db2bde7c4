import type { SessionUser } from "@/lib/auth/roles";
import { findLeadTasks } from "@/lib/tasks/find-tasks";
import { findLeadQuestionTasks } from "@/lib/tasks/find-panel-tasks";
import { formatMonth } from "@/lib/format/dates";
import { TaskList } from "@/components/task-list";
import { CommentaryTag } from "@/components/commentary-tag";
import { StepHint } from "@/components/deadlines/step-hint";
import { QuestionTaskList } from "./question-tasks";

export async function LeadHome({ user }: { user: SessionUser }) {
  const [periods, questions] = await Promise.all([findLeadTasks(user), findLeadQuestionTasks(user)]);
  const ownsNothing = periods.every((p) => p.sections.length === 0);
  return (
    <>
      <h1 className="govuk-heading-xl">Your sections</h1>
      {ownsNothing ? (
        <p className="govuk-body">
          {periods.length === 0
            ? "No period is open for commentary at the moment."
            : "You do not own any sections yet. An administrator assigns sections to service leads."}
        </p>
      ) : (
        periods.map((p) => (
          <section key={p.month} aria-labelledby={`tasks-${p.month}`}>
            <h2 className="govuk-heading-m" id={`tasks-${p.month}`}>
              {formatMonth(p.month)}
            </h2>
            <TaskList
              items={p.sections.map((s) => ({
                id: `${p.month}-${s.slug}`,
                name: s.name,
                href: `/periods/${p.month}/sections/${s.slug}`,
                hint: <StepHint step={s.commentaryStep} />,
                status: <CommentaryTag state={s.state} />,
              }))}
            />
          </section>
        ))
      )}
      {questions.length > 0 ? (
        <section aria-labelledby="questions-to-answer">
          <h2 className="govuk-heading-m" id="questions-to-answer">
            Questions from the panel to answer
          </h2>
          <QuestionTaskList questions={questions} detail="asked" />
        </section>
      ) : null}
    </>
  );
}
