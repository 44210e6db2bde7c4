// The exceptions list: indicators off target, or worse than both last month and last year.
import type { PackSnapshot } from "@/lib/pack/snapshot/snapshot-types";
import { DirectionText, figureText, RagTag } from "@/components/pack/figures";
import { TableHead } from "@/components/table-head";
import { ExceptionActionList } from "@/components/pack/exception-action-list";
import { formatMonth } from "@/lib/format/dates";
import { monthsOnList } from "@/lib/exception-actions/actions-in-month";

/** "On the list since March 2019, 5 months" (schema 3 packs; older ones did not record it). */
export function onListText(since: string | undefined, month: string): string | null {
  if (!since) return null;
  const n = monthsOnList(since, month);
  return `On the list since ${formatMonth(since)}, ${n} month${n === 1 ? "" : "s"}`;
}
import { ScrollRegion } from "@/components/scroll-region";

export function PackExceptions({ snapshot }: { snapshot: Omit<PackSnapshot, "charts"> }) {
  const rows = snapshot.sections.flatMap((s) => s.indicators.filter((i) => i.exception).map((i) => ({ ...i, sectionName: s.name })));
  const resolved = snapshot.sections.flatMap((s) =>
    s.indicators.filter((i) => !i.exception && i.resolvedActions?.length).map((i) => ({ ...i, sectionName: s.name })),
  );
  // Schema 3 packs carry actions; older ones are shown as they were signed off, without the column.
  const withActions = snapshot.schema >= 3;
  const columns = ["Indicator", "Section", { text: "This month", numeric: true }, "RAG", "On last month", "On last year"];
  return (
    <section className="app-pack-part" aria-labelledby="exceptions-title">
      <h2 className="govuk-heading-l" id="exceptions-title">
        Exceptions
      </h2>
      <p className="govuk-body-s">Indicators rated Red against target, or worse than both last month and the same month last year.</p>
      {rows.length === 0 ? (
        <p className="govuk-body">No indicator is an exception this month.</p>
      ) : (
        <ScrollRegion label="Exceptions">
          <table className={`govuk-table app-pack-table${withActions ? " app-pack-exceptions" : ""}`}>
            <TableHead columns={withActions ? [...columns, "Actions"] : columns} />
            <tbody className="govuk-table__body">
              {rows.map((i) => (
                <tr className="govuk-table__row" key={i.code} data-code={i.code}>
                  <th scope="row" className="govuk-table__header app-pack-table__name">
                    <a className="govuk-link" href={`#ind-${i.code}`}>
                      {i.name}
                    </a>
                    {onListText(i.exceptionSince, snapshot.month) ? (
                      <span className="app-pack-table__note">{onListText(i.exceptionSince, snapshot.month)}</span>
                    ) : null}
                  </th>
                  <td className="govuk-table__cell">{i.sectionName}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">
                    {figureText(i, i.value, i.suppressed.value, i.notAvailableReason)}
                  </td>
                  <td className="govuk-table__cell">
                    <RagTag rag={i.rag} />
                  </td>
                  <td className="govuk-table__cell">
                    <DirectionText direction={i.vsLastMonth} change={i.changeVsLastMonth} />
                  </td>
                  <td className="govuk-table__cell">
                    <DirectionText direction={i.vsLastYear} change={i.changeVsLastYear} />
                  </td>
                  {withActions ? (
                    <td className="govuk-table__cell app-pack-table__actions">
                      {i.actions?.length ? <ExceptionActionList actions={i.actions} month={snapshot.month} /> : "No action recorded"}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {resolved.length > 0 ? (
        <>
          <h3 className="govuk-heading-m" id="resolved-title">
            Off the list this month
          </h3>
          <p className="govuk-body-s">
            These indicators were exceptions last month. Their actions are shown once more, as resolved, and are not carried further.
          </p>
          {resolved.map((i) => (
            <div key={i.code} className="app-pack-resolved" data-code={i.code}>
              <h4 className="govuk-heading-s">
                {i.name} <span className="govuk-body-s">({i.sectionName})</span>
              </h4>
              <ExceptionActionList actions={i.resolvedActions!} month={snapshot.month} resolved />
            </div>
          ))}
        </>
      ) : null}
    </section>
  );
}
