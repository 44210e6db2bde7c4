// The preview's rows, a page at a time: errors first, then what would change, then what is new, then
// what is already stored. Each status is a word in a tag, so colour only supports it.
import type { ImportRowView } from "@/lib/import/find-import-batch";
import type { RowStatus, ValueState } from "@/lib/import/import-preview";
import { formatValue, type NumberRules } from "@/lib/judgement/format-number";
import { GovukTable } from "@/components/govuk-table";

const STATUS_TAG: Record<RowStatus, { text: string; className: string }> = {
  error: { text: "Error", className: "govuk-tag--red" },
  changed: { text: "Changed", className: "govuk-tag--yellow" },
  new: { text: "New", className: "govuk-tag--green" },
  unchanged: { text: "Unchanged", className: "govuk-tag--grey" },
};
export const rowAnchor = (row: number) => `import-row-${row}`;

/** One page of the rows, in the order lib/import/find-import-batch.ts gives them, starting at row `first` (0-based) of `total`. */
export function PreviewTable({ rows: shown, first, total }: { rows: ImportRowView[]; first: number; total: number }) {
  return (
    <>
      {/* Narrow screens scroll the table sideways inside its own focusable region. */}
      <GovukTable
        caption="Rows in the file"
        captionSize="m"
        className="app-import-table"
        scroll={{ label: "Rows in the file", className: "app-scroll-region--spaced" }}
        rows={shown}
        rowKey={(r) => r.row}
        rowAttributes={(r) => ({ id: rowAnchor(r.row) })}
        columns={[
          { header: "Row", headerClassName: "app-import-table__row", cell: (r) => r.row },
          {
            header: "Indicator",
            cell: (r) =>
              r.indicator ? (
                <>
                  {r.indicator.name}
                  <br />
                  <span className="govuk-body-s app-import-table__code">{r.indicator.code}</span>
                </>
              ) : (
                <span className="app-import-table__code">{r.code || "(no code)"}</span>
              ),
          },
          { header: "Stored now", cell: (r) => (!r.indicator ? "" : r.previous ? describe(r.previous, r.indicator) : "None") },
          {
            header: "In the file",
            cell: (r) => (r.next && r.indicator ? describe(r.next, r.indicator) : r.value === "" ? "(empty)" : r.value),
          },
          {
            header: "Result",
            cell: (r) => (
              <>
                <strong className={`govuk-tag ${STATUS_TAG[r.status].className}`}>{STATUS_TAG[r.status].text}</strong>
                {r.errors?.length ? (
                  <ul className="govuk-list govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0 app-import-table__errors">
                    {r.errors.map((e) => (
                      <li key={e.message}>{withoutRow(e.message)}</li>
                    ))}
                  </ul>
                ) : null}
              </>
            ),
          },
        ]}
      />
      {shown.length < total ? (
        <p className="govuk-body">
          Rows {(first + 1).toLocaleString("en-GB")} to {(first + shown.length).toLocaleString("en-GB")} of {total.toLocaleString("en-GB")},
          every row with an error first, then the rest in the order above. The counts include them all.
        </p>
      ) : null}
    </>
  );
}

function describe(state: ValueState, rules: NumberRules): string {
  const text = state.value !== null ? formatValue(state.value, rules) : `Not available: ${state.notAvailableReason ?? ""}`;
  return state.note ? `${text} (note: ${state.note})` : text;
}

/** "Row 7, column value: ..." reads as "Column value: ..." beside row 7. */
const withoutRow = (message: string) => message.replace(/^Row \d+, column/, "Column");
