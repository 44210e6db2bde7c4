// A period's steps worked back from the meeting date: the date, who owes it and where it stands.
import type { DeadlineStep, PeriodDeadlines } from "@/lib/deadlines/period-deadlines";
import { describeTimeLeft } from "@/lib/deadlines/deadline-state";
import { formatDate } from "@/lib/format/dates";
import { DeadlineTag } from "./deadline-tag";
import { ScrollRegion } from "@/components/scroll-region";

export function DeadlineTable({
  deadlines,
  caption,
  steps = deadlines.steps,
}: {
  deadlines: PeriodDeadlines;
  caption: string;
  steps?: DeadlineStep[];
}) {
  return (
    <ScrollRegion label={caption} className="app-scroll-region--spaced">
      <table className="govuk-table app-deadlines">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Step
            </th>
            <th scope="col" className="govuk-table__header">
              Due by
            </th>
            <th scope="col" className="govuk-table__header">
              Who
            </th>
            <th scope="col" className="govuk-table__header">
              Status
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {steps.map((s) => (
            <tr key={s.key} className="govuk-table__row" data-step={s.key}>
              <th scope="row" className="govuk-table__header">
                {s.label}
              </th>
              <td className="govuk-table__cell">{formatDate(s.due)}</td>
              <td className="govuk-table__cell">{s.owedByLabel}</td>
              <td className="govuk-table__cell">
                <DeadlineTag step={s} />
                {s.done ? null : <span className="govuk-body-s app-deadline-left"> {describeTimeLeft(s.workingDaysLeft)}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
