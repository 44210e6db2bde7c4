// Every plain table in the service, written once: a GOV.UK table from a caption, column definitions
// and rows, with the accessible markup each needs (a caption, column headers with scope, row headers
// where a column names its row, figures aligned right) and, for wide tables, the scrolling region.
import type { Key, ReactNode } from "react";
import { ScrollRegion, type ScrollRegionName } from "@/components/scroll-region";

export type GovukTableColumn<Row> = {
  /** What the column header says (words or markup, such as a visually hidden "Actions"). */
  header: ReactNode;
  /** The column's cell for one row. */
  cell: (row: Row, index: number) => ReactNode;
  /** Figures: the header and the cells align right (`--numeric`). */
  numeric?: boolean;
  /** The column names its row: its cells are `<th scope="row">`. */
  rowHeader?: boolean;
  /** The header's scope: "col" unless it heads a group of columns. */
  scope?: "col" | "colgroup";
  /** Classes added to the column header, such as a width (`govuk-!-width-one-quarter`). */
  headerClassName?: string;
  /** Classes added to each of the column's cells. */
  cellClassName?: string;
};

/** Attributes a row may carry for links and tests: an id to link to, data attributes. */
export type GovukTableRowAttributes = { id?: string } & { [data: `data-${string}`]: string | undefined };

export type GovukTableProps<Row> = {
  /** Every table has one, hidden or not; null only where something else names it (a details summary). */
  caption: ReactNode;
  /** GOV.UK's caption sizes; none, the caption is body text in bold. */
  captionSize?: "s" | "m" | "l" | "xl";
  /** Visually hidden: read by screen readers, where a heading above already says it for everyone else. */
  captionHidden?: boolean;
  /** For a scrolling region or section labelled by the caption. */
  captionId?: string;
  /** Classes added to the table. */
  className?: string;
  /** `<col>` elements for column widths, placed before the header row. */
  colgroup?: ReactNode;
  columns: GovukTableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => Key;
  rowAttributes?: (row: Row, index: number) => GovukTableRowAttributes;
  /** Shown instead of the table (and its scrolling region) when there are no rows; words become a paragraph. */
  empty?: ReactNode;
  /** Wrap the table in a focusable scrolling region with this name (and class), for tables wider than a phone. */
  scroll?: ScrollRegionName & { className?: string };
};

const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(" ");

export function GovukTable<Row>({
  caption,
  captionSize,
  captionHidden = false,
  captionId,
  className,
  colgroup,
  columns,
  rows,
  rowKey,
  rowAttributes,
  empty,
  scroll,
}: GovukTableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) return typeof empty === "string" ? <p className="govuk-body">{empty}</p> : <>{empty}</>;
  const table = (
    <table className={classes("govuk-table", className)}>
      {caption === null || caption === undefined ? null : (
        <caption
          className={classes(
            "govuk-table__caption",
            captionSize && `govuk-table__caption--${captionSize}`,
            captionHidden && "govuk-visually-hidden",
          )}
          id={captionId}
        >
          {caption}
        </caption>
      )}
      {colgroup}
      <GovukTableHead columns={columns} />
      <tbody className="govuk-table__body">
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)} className="govuk-table__row" {...rowAttributes?.(row, i)}>
            {columns.map((c, j) =>
              c.rowHeader ? (
                <th
                  key={j}
                  scope="row"
                  className={classes("govuk-table__header", c.numeric && "govuk-table__header--numeric", c.cellClassName)}
                >
                  {c.cell(row, i)}
                </th>
              ) : (
                <td key={j} className={classes("govuk-table__cell", c.numeric && "govuk-table__cell--numeric", c.cellClassName)}>
                  {c.cell(row, i)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!scroll) return table;
  const { className: scrollClassName, ...name } = scroll;
  return (
    <ScrollRegion {...name} className={scrollClassName}>
      {table}
    </ScrollRegion>
  );
}

/** The header row alone, for a table whose body is built another way (the pack's sections). */
export function GovukTableHead({
  columns,
}: {
  columns: Pick<GovukTableColumn<never>, "header" | "numeric" | "scope" | "headerClassName">[];
}) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {columns.map((c, j) => (
          <th
            key={j}
            scope={c.scope ?? "col"}
            className={classes("govuk-table__header", c.numeric && "govuk-table__header--numeric", c.headerClassName)}
          >
            {c.header}
          </th>
        ))}
      </tr>
    </thead>
  );
}
