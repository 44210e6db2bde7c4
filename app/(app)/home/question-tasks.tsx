// The panel's questions as task list items on the home pages: what each is about, who asked and
// when, when the answers are due, and where its answer stands.
import { TaskList } from "@/components/task-list";
import { formatDate, formatDateTime, formatMonth } from "@/lib/format/dates";
import { QUESTION_STATE_LABEL, QUESTION_TAG_CLASS } from "@/lib/questions/question-workflow";
import type { QuestionTask } from "@/lib/tasks/find-panel-tasks";

export function QuestionTag({ status }: { status: QuestionTask["status"] }) {
  return <strong className={`govuk-tag ${QUESTION_TAG_CLASS[status]}`}>{QUESTION_STATE_LABEL[status]}</strong>;
}

/** `detail` says what the hint leads with: when it was asked, or when its answer was sent for approval. */
export function QuestionTaskList({ questions, detail }: { questions: QuestionTask[]; detail: "asked" | "submitted" }) {
  return (
    <TaskList
      items={questions.map((q) => ({
        id: `question-${q.id}`,
        name: `${q.about}, ${formatMonth(q.month)} pack`,
        href: q.href,
        hint:
          (detail === "submitted" && q.submittedAt
            ? `Answer sent ${formatDateTime(q.submittedAt)}${q.answeredByName ? ` by ${q.answeredByName}` : ""}.`
            : `Asked ${formatDateTime(q.askedAt)} by ${q.askedByName}.`) +
          (q.answersDue ? ` Answers are due by ${formatDate(q.answersDue)}.` : ""),
        status: <QuestionTag status={q.status} />,
      }))}
    />
  );
}
