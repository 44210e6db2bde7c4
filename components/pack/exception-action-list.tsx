// The actions agreed on one exception, as the pack froze them: what, who, by when, and whether it
// was carried from an earlier month. Words carry the status; nothing relies on colour.
import type { SnapshotAction } from "@/lib/pack/snapshot/snapshot-types";
import { formatDate, formatMonth } from "@/lib/format/dates";
import { OVERDUE } from "@/lib/exception-actions/action-overdue";

const STATUS: Record<SnapshotAction["status"], string> = { OPEN: "Open", DONE: "Done", DROPPED: "Dropped" };

export function ExceptionActionList({
  actions,
  month,
  resolved = false,
}: {
  actions: SnapshotAction[];
  month: string;
  resolved?: boolean;
}) {
  return (
    <ul className="govuk-list app-pack-actions">
      {actions.map((a, i) => (
        <li key={i}>
          <span className="app-pack-actions__what">{a.description.replace(/[.\s]+$/, "")}.</span>{" "}
          <span className="app-pack-actions__meta">
            Owner: {a.ownerName}. Due {formatDate(a.dueDate)}. {resolved ? "Resolved: the indicator is off the list" : STATUS[a.status]}
            {/* Live previews only: the words say it, the symbol repeats them. */}
            {a.overdue ? (
              <>
                .{" "}
                <strong className="app-pack-actions__overdue">
                  <span aria-hidden="true">{OVERDUE.symbol} </span>
                  {OVERDUE.label}
                </strong>
              </>
            ) : null}
            {a.status === "DROPPED" && a.droppedReason ? ` (dropped: ${a.droppedReason})` : ""}
            {a.fromMonth < month ? `. Carried from ${formatMonth(a.fromMonth)}` : ""}.
          </span>
        </li>
      ))}
    </ul>
  );
}
