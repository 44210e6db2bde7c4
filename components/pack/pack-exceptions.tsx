// The exceptions list: indicators off target, or worse than both last month and last year.
import type { PackSnapshot } from "@/lib/pack/snapshot/snapshot-types";
import { DirectionText, figureText, RagTag } from "@/components/pack/figures";
import { TableHead } from "@/components/table-head";

export function PackExceptions({ snapshot }: { snapshot: Omit<PackSnapshot, "charts"> }) {
  const rows = snapshot.sections.flatMap((s) => s.indicators.filter((i) => i.exception).map((i) => ({ ...i, sectionName: s.name })));
  return (
    <section className="app-pack-part" aria-labelledby="exceptions-title">
      <h2 className="govuk-heading-l" id="exceptions-title">Exceptions</h2>
      <p className="govuk-body-s">Indicators rated Red against target, or worse than both last month and the same month last year.</p>
      {rows.length === 0 ? <p className="govuk-body">No indicator is an exception this month.</p> : (
        <div className="app-table-wrapper" role="region" aria-label="Exceptions" tabIndex={0}>
          <table className="govuk-table app-pack-table">
            <TableHead columns={["Indicator", "Section", { text: "This month", numeric: true }, "RAG", "On last month", "On last year"]} />
            <tbody className="govuk-table__body">
              {rows.map((i) => (
                <tr className="govuk-table__row" key={i.code}>
                  <th scope="row" className="govuk-table__header app-pack-table__name"><a className="govuk-link" href={`#ind-${i.code}`}>{i.name}</a></th>
                  <td className="govuk-table__cell">{i.sectionName}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{figureText(i, i.value, i.suppressed.value, i.notAvailableReason)}</td>
                  <td className="govuk-table__cell"><RagTag rag={i.rag} /></td>
                  <td className="govuk-table__cell"><DirectionText direction={i.vsLastMonth} change={i.changeVsLastMonth} /></td>
                  <td className="govuk-table__cell"><DirectionText direction={i.vsLastYear} change={i.changeVsLastYear} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
