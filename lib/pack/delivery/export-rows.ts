// The pack's figures as a table for CSV and Excel: one row per indicator, taken only from the frozen
// snapshot, so a download always says what the signed-off pack says. Pure: no database, no I/O.
import { describeDirection, RAG_LABEL, roundTo, SUPPRESSED_MARK, SUPPRESSION_NOTE, UNIT_LABEL, type Direction } from "@/lib/judgement";
import type { PackSnapshot, SnapshotAction, SnapshotIndicator } from "@/lib/pack/snapshot/snapshot-types";
import type { Cell } from "@/lib/pack/delivery/export-cells";
import { comparatorName, packComparators } from "@/lib/pack/snapshot/pack-comparators";

export const EXPORT_COLUMNS = [
  "Month",
  "Section",
  "Code",
  "Indicator",
  "Unit",
  "This month",
  "Last month",
  "Change on last month",
  "Same month last year",
  "Change on last year",
  "Target",
  "RAG",
  "On last month",
  "On last year",
  "England",
  "England period",
  "Notes",
  "Exception",
  "On the exceptions list since",
  "Actions",
] as const;

/** Cells in EXPORT_COLUMNS order; numbers carry the indicator's decimal places for display. */
export type ExportRow = { cells: Cell[]; decimals: number };

/** Notes printed with every download, so the numbers are not misread. */
export const EXPORT_NOTES = [
  SUPPRESSION_NOTE,
  "Changes are in the indicator's unit; for percentages they are percentage points.",
  "England figures are shown for rates and percentages only: monthly counts are not comparable with England's annual totals.",
];

const placesFor = (ind: Pick<SnapshotIndicator, "unit" | "decimals">) =>
  ind.unit === "COUNT" ? 0 : Math.max(0, Math.min(10, Math.trunc(ind.decimals)));

/** A figure, "c" when suppressed, empty when there is none. */
function figure(ind: SnapshotIndicator, value: number | null, suppressed: boolean): Cell {
  if (suppressed) return SUPPRESSED_MARK;
  return value === null ? null : roundTo(value, placesFor(ind));
}

/** The change as displayed in the pack (both figures rounded first), as a signed number. */
export function changeBetween(ind: SnapshotIndicator, current: number | null, previous: number | null, suppressed: boolean): Cell {
  if (suppressed) return SUPPRESSED_MARK;
  if (current === null || previous === null) return null;
  const places = placesFor(ind);
  return roundTo(roundTo(current, places) - roundTo(previous, places), places);
}

const direction = (d: Direction | null): Cell => (d ? describeDirection(d).plain : null);

function notesOf(ind: SnapshotIndicator): Cell {
  const notes = [
    ind.notAvailableReason ? `Not available: ${ind.notAvailableReason}` : "",
    ind.note ?? "",
    ind.revised ? "Revised after the commentary was first submitted" : "",
  ].filter(Boolean);
  return notes.length ? notes.join("; ") : null;
}

/** One action in words for the CSV cell: "Audit cases (owner: Head of Safeguarding; due 2019-10-31; open; carried from 2019-06)". */
export function describeActionCell(a: SnapshotAction, month: string, resolved: boolean): string {
  const status = resolved ? "resolved" : a.status === "DROPPED" ? `dropped: ${a.droppedReason ?? ""}` : a.status.toLowerCase();
  return `${a.description} (owner: ${a.ownerName}; due ${a.dueDate}; ${status}${a.fromMonth < month ? `; carried from ${a.fromMonth}` : ""})`;
}

/** Actions on an exception (or, once it is off the list, its resolved ones), one per line. */
function actionsOf(ind: SnapshotIndicator, month: string): Cell {
  const lines = [
    ...(ind.actions ?? []).map((a) => describeActionCell(a, month, false)),
    ...(ind.resolvedActions ?? []).map((a) => describeActionCell(a, month, true)),
  ];
  return lines.length ? lines.join("\n") : null;
}

export function exportRows(snapshot: Pick<PackSnapshot, "month" | "sections">): ExportRow[] {
  return snapshot.sections.flatMap((section) =>
    section.indicators.map((ind) => {
      const s = ind.suppressed;
      // The figure the pack's chart draws and names (packComparators: one source, ended years only).
      const comparator = packComparators(ind, snapshot.month).headline;
      const cells: Cell[] = [
        snapshot.month,
        section.name,
        ind.code,
        ind.name,
        UNIT_LABEL[ind.unit],
        figure(ind, ind.value, s.value),
        figure(ind, ind.lastMonth, s.lastMonth),
        changeBetween(ind, ind.value, ind.lastMonth, s.value || s.lastMonth),
        figure(ind, ind.lastYear, s.lastYear),
        changeBetween(ind, ind.value, ind.lastYear, s.value || s.lastYear),
        ind.target ? roundTo(ind.target.value, placesFor(ind)) : null,
        ind.rag ? RAG_LABEL[ind.rag] : null,
        direction(ind.vsLastMonth),
        direction(ind.vsLastYear),
        comparator ? roundTo(comparator.value, placesFor(ind)) : null,
        comparator
          ? comparatorName(comparator)
          : ind.unit === "COUNT" && (ind.comparators.length || ind.national)
            ? "Not comparable"
            : null,
        notesOf(ind),
        ind.exception ? "Yes" : "No",
        ind.exceptionSince ?? null,
        actionsOf(ind, snapshot.month),
      ];
      return { cells, decimals: placesFor(ind) };
    }),
  );
}

export const ACTION_COLUMNS = [
  "Month",
  "Section",
  "Code",
  "Indicator",
  "On the list since",
  "Action",
  "Owner",
  "Due date",
  "Status",
  "Dropped because",
  "Recorded for",
] as const;

/** Every action the pack shows, one row each: carried and new ones on exceptions, then resolved ones. */
export function actionRows(snapshot: Pick<PackSnapshot, "month" | "sections">): Cell[][] {
  return snapshot.sections.flatMap((section) =>
    section.indicators.flatMap((ind) =>
      [
        ...(ind.actions ?? []).map((a) => ({ a, status: a.status === "OPEN" ? "Open" : a.status === "DONE" ? "Done" : "Dropped" })),
        ...(ind.resolvedActions ?? []).map((a) => ({ a, status: "Resolved" })),
      ].map(({ a, status }): Cell[] => [
        snapshot.month,
        section.name,
        ind.code,
        ind.name,
        ind.exceptionSince ?? null,
        a.description,
        a.ownerName,
        a.dueDate,
        status,
        a.droppedReason,
        a.fromMonth,
      ]),
    ),
  );
}
