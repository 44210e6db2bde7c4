// One section of the value grid: a row per indicator with last month, last year, this month
// (a form for those who may edit it, text for everyone else), target, RAG and direction of travel.
import { DirectionOfTravel, NoJudgement, RagTag } from "@/components/judgement-tags";
import { formatShortMonth } from "@/lib/format/dates";
import { formatTableValue } from "@/lib/judgement/format-number";
import type { Figure, GridRow, GridSection } from "@/lib/values/find-value-grid";
import { ValueCellForm, type StoredCell } from "./value-cell-form";
import { GovukTable } from "@/components/govuk-table";

type Months = { current: string; lastMonth: string; lastYear: string };

export function ValueTable({ section, months, index }: { section: GridSection; months: Months; index: number }) {
  const headingId = `section-${index}-heading`;
  return (
    <section className="app-grid-section" aria-labelledby={headingId}>
      <h2 className="govuk-heading-l" id={headingId}>
        {section.name}
      </h2>
      <p className="govuk-body">
        {section.owners.length ? `Owned by ${section.owners.join(", ")}.` : "No owner yet."}{" "}
        {section.canEdit ? (
          <strong>You can change these figures.</strong>
        ) : (
          "Read only: only the section's owners and administrators can change these figures."
        )}
      </p>
      <p className="govuk-body-s app-scroll-hint">Scroll the table sideways to see every column.</p>
      <GovukTable
        caption={`Figures for ${formatShortMonth(months.current)}`}
        captionHidden
        captionId={`${headingId}-caption`}
        className="app-value-grid__table"
        scroll={{ labelledBy: `${headingId} ${headingId}-caption`, className: "app-scroll-region--spaced app-value-grid" }}
        colgroup={
          <colgroup>
            <col className="app-value-grid__col-name" />
            <col span={2} className="app-value-grid__col-figure" />
            <col className={section.canEdit ? "app-value-grid__col-edit" : "app-value-grid__col-figure"} />
            <col className="app-value-grid__col-figure" />
            <col className="app-value-grid__col-rag" />
            <col span={2} className="app-value-grid__col-direction" />
          </colgroup>
        }
        rows={section.rows}
        rowKey={(row) => row.indicatorId}
        rowAttributes={(row) => ({ id: `row-${row.code}` })}
        columns={[
          {
            header: "Indicator",
            rowHeader: true,
            cellClassName: "app-value-grid__name",
            cell: (row) => (
              <>
                {row.name}
                {row.polarity !== "NEITHER" ? (
                  <span className="app-column-note">{row.polarity === "HIGHER_IS_BETTER" ? "Higher is better" : "Lower is better"}</span>
                ) : null}
              </>
            ),
          },
          {
            header: <MonthHeader month={months.lastMonth} note="Last month" />,
            numeric: true,
            cell: (row) => <FigureText figure={row.lastMonth} row={row} />,
          },
          {
            header: <MonthHeader month={months.lastYear} note="Last year" />,
            numeric: true,
            cell: (row) => <FigureText figure={row.lastYear} row={row} />,
          },
          {
            header: <MonthHeader month={months.current} note="This month" />,
            cellClassName: "app-value-grid__current",
            cell: (row) => (
              <>
                {section.canEdit ? (
                  <ValueCellForm
                    month={months.current}
                    indicatorId={row.indicatorId}
                    code={row.code}
                    name={row.name}
                    unit={row.unit}
                    decimals={row.decimals}
                    stored={storedCell(row)}
                  />
                ) : (
                  <FigureText figure={row.current} row={row} />
                )}
                <CurrentNotes row={row} month={months.current} />
              </>
            ),
          },
          { header: "Target", numeric: true, cell: (row) => <TargetText row={row} /> },
          { header: "RAG", cell: (row) => <RagTag rag={row.judgement.rag} /> },
          {
            header: "Direction since last month",
            cell: (row) => <DirectionOfTravel direction={row.judgement.vsLastMonth} change={row.judgement.changeVsLastMonth} />,
          },
          {
            header: "Direction since last year",
            cell: (row) => <DirectionOfTravel direction={row.judgement.vsLastYear} change={row.judgement.changeVsLastYear} />,
          },
        ]}
      />
    </section>
  );
}

function MonthHeader({ month, note }: { month: string; note: string }) {
  return (
    <>
      {formatShortMonth(month)}
      <span className="app-column-note">{note}</span>
    </>
  );
}

function storedCell(row: GridRow): StoredCell {
  const c = row.current;
  const text = c?.value === null || c?.value === undefined ? "" : row.unit === "COUNT" ? String(c.value) : c.value.toFixed(row.decimals);
  return {
    text,
    notAvailable: Boolean(c && c.value === null && c.notAvailableReason),
    reason: c?.notAvailableReason ?? "",
    revision: c?.revision ?? 0,
  };
}

function FigureText({ figure, row }: { figure: Figure | null; row: GridRow }) {
  if (!figure) return <NoJudgement text="No value" />;
  if (figure.value === null) {
    return (
      <span className="app-not-available">
        Not available{figure.notAvailableReason ? <span className="app-secondary-text">: {figure.notAvailableReason}</span> : null}
      </span>
    );
  }
  return <>{formatTableValue(figure.value, row)}</>;
}

function TargetText({ row }: { row: GridRow }) {
  const t = row.judgement.target;
  if (!t) return <NoJudgement text="No target" />;
  const band = row.polarity === "NEITHER" ? null : row.polarity === "HIGHER_IS_BETTER" ? t.value - t.tolerance : t.value + t.tolerance;
  return (
    <>
      {formatTableValue(t.value, row)}
      {band !== null && t.tolerance > 0 ? (
        <span className="app-column-note">
          Amber {row.polarity === "HIGHER_IS_BETTER" ? "from" : "up to"} {formatTableValue(band, row)}
        </span>
      ) : null}
    </>
  );
}

function CurrentNotes({ row, month }: { row: GridRow; month: string }) {
  const c = row.current;
  if (!c) return null;
  return (
    <div className="app-value-grid__notes">
      {c.computed ? (
        <strong className="govuk-tag govuk-tag--blue app-tag-small">
          Computed<span className="govuk-visually-hidden"> from the Annex A lists: see its history for the working</span>
        </strong>
      ) : null}
      {c.revisedAfterSubmission ? (
        <strong className="govuk-tag govuk-tag--yellow app-tag-small">
          Revised<span className="govuk-visually-hidden"> after commentary was first submitted</span>
        </strong>
      ) : null}
      <a className="govuk-link app-value-grid__history" href={`/periods/${month}/values/${row.code}`}>
        History<span className="govuk-visually-hidden"> of {row.name}</span>
      </a>
    </div>
  );
}
