// A period's steps worked back from the meeting date: the date, who owes it and where it stands.
import type { DeadlineStep, PeriodDeadlines } from "@/lib/deadlines/period-deadlines";
import { describeTimeLeft } from "@/lib/deadlines/deadline-state";
import { formatDate } from "@/lib/format/dates";
import { DeadlineTag } from "./deadline-tag";
import { GovukTable } from "@/components/govuk-table";

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
    <GovukTable
      caption={caption}
      captionSize="m"
      className="app-deadlines"
      scroll={{ label: caption, className: "app-scroll-region--spaced" }}
      rows={steps}
      rowKey={(s) => s.key}
      rowAttributes={(s) => ({ "data-step": s.key })}
      columns={[
        { header: "Step", rowHeader: true, cell: (s) => s.label },
        { header: "Due by", cell: (s) => formatDate(s.due) },
        { header: "Who", cell: (s) => s.owedByLabel },
        {
          header: "Status",
          cell: (s) => (
            <>
              <DeadlineTag step={s} />
              {s.done ? null : <span className="govuk-body-s app-deadline-left"> {describeTimeLeft(s.workingDaysLeft)}</span>}
            </>
          ),
        },
      ]}
    />
  );
}
