import { findDirectorTasks } from "@/lib/tasks/find-tasks";
import { formatDate, formatDateTime, formatMonth } from "@/lib/format/dates";
import { TaskList } from "@/components/task-list";
import { CommentaryTag } from "@/components/commentary-tag";
import { StepHint } from "@/components/deadlines/step-hint";
import { DeadlineTag } from "@/components/deadlines/deadline-tag";
import { describeTimeLeft } from "@/lib/deadlines/deadline-state";
import { deadlineToday } from "@/lib/deadlines/find-deadlines";
import { recommendationName, responseDueState } from "@/lib/recommendations/recommendation-words";
import { QuestionTaskList } from "./question-tasks";

export async function DirectorHome() {
  const t = await findDirectorTasks();
  return (
    <>
      <h1 className="govuk-heading-xl">Reviews and sign-off</h1>
      {t.atRisk.length > 0 ? (
        <section aria-labelledby="at-risk-title" className="app-at-risk">
          <h2 className="govuk-heading-m" id="at-risk-title">
            At risk of missing the statutory date
          </h2>
          <TaskList
            items={t.atRisk.map((p) => {
              const publication = p.deadlines.steps[p.deadlines.steps.length - 1];
              const late = p.deadlines.steps.filter((s) => s.state === "LATE" && s.key !== "publication");
              return {
                id: `at-risk-${p.month}`,
                name: formatMonth(p.month),
                href: `/periods/${p.month}`,
                hint: `Must be published by ${formatDate(p.deadlines.statutory)} (${describeTimeLeft(publication.workingDaysLeft)}) for the meeting on ${formatDate(p.deadlines.meeting)}${late.length ? `. Late: ${late.map((s) => s.label.toLowerCase()).join(", ")}` : ""}`,
                status: <DeadlineTag step={publication} />,
              };
            })}
          />
        </section>
      ) : null}
      <h2 className="govuk-heading-m">Waiting for your review</h2>
      {t.submitted.length === 0 ? (
        <p className="govuk-body">Nothing is waiting for your review.</p>
      ) : (
        <TaskList
          items={t.submitted.map((c) => ({
            id: `review-${c.period.month}-${c.section.slug}`,
            name: `${c.section.name}, ${formatMonth(c.period.month)}`,
            href: `/periods/${c.period.month}/sections/${c.section.slug}`,
            hint: (
              <>
                {c.submittedAt ? `Submitted ${formatDateTime(c.submittedAt)}${c.updatedByName ? ` by ${c.updatedByName}` : ""}. ` : null}
                {c.approvalStep ? <StepHint step={c.approvalStep} /> : null}
              </>
            ),
            status: <CommentaryTag state="SUBMITTED" />,
          }))}
        />
      )}
      <h2 className="govuk-heading-m">Answers to questions from the panel, to approve</h2>
      {t.questionsToApprove.length === 0 ? (
        <p className="govuk-body">No answer is waiting for your approval.</p>
      ) : (
        <QuestionTaskList questions={t.questionsToApprove} detail="submitted" />
      )}
      {t.packQuestions.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Questions about the whole pack to answer</h2>
          <QuestionTaskList questions={t.packQuestions} detail="asked" />
        </>
      ) : null}
      {t.recommendations.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Recommendations awaiting the executive&apos;s response</h2>
          <TaskList
            items={t.recommendations.map((r) => {
              const due = responseDueState(r.responseDue, deadlineToday());
              return {
                id: `recommendation-${r.id}`,
                name: recommendationName(r),
                href: r.href,
                hint: `Addressed to ${r.addressedTo}. ${due.text}.`,
                status: (
                  <strong className={`govuk-tag ${due.overdue ? "govuk-tag--red" : "govuk-tag--yellow"}`}>
                    {due.overdue ? "Response overdue" : "Awaiting response"}
                  </strong>
                ),
              };
            })}
          />
        </>
      ) : null}
      <h2 className="govuk-heading-m">Ready to sign off</h2>
      {t.readyToSignOff.length === 0 ? (
        <p className="govuk-body">No period is ready to sign off yet.</p>
      ) : (
        <ul className="govuk-list">
          {t.readyToSignOff.map((m) => (
            <li key={m}>
              <a className="govuk-link" href={`/periods/${m}`}>
                {formatMonth(m)}: every section approved and every value in
              </a>
            </li>
          ))}
        </ul>
      )}
      {t.openPeriods.filter((p) => !p.ready).length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Still in progress</h2>
          <ul className="govuk-list">
            {t.openPeriods
              .filter((p) => !p.ready)
              .map((p) => (
                <li key={p.month}>
                  <a className="govuk-link" href={`/periods/${p.month}`}>
                    {formatMonth(p.month)}
                  </a>
                  : {p.sections.length - p.sectionsNotApproved.length} of {p.sections.length} sections approved, {p.missingValues.length}{" "}
                  values missing; publish by {formatDate(p.deadlines.statutory)}
                </li>
              ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
