// The data-quality report: per list, rows read, duplicates and problems; then each problem by list,
// row and column, whole lists first, a page at a time. It names where, never the value itself.
import { QUALITY_ROWS_PER_PAGE, type AnnexAPreviewView } from "@/lib/annex-a/find-annex-a-preview";
import { ScrollRegion } from "@/components/scroll-region";

const n = (x: number) => x.toLocaleString("en-GB");

export function QualityReport({ quality }: { quality: AnnexAPreviewView["quality"] }) {
  const first = (quality.page - 1) * QUALITY_ROWS_PER_PAGE;
  return (
    <>
      <ScrollRegion label="Rows read from each list" className="app-scroll-region--spaced">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Rows read from each list</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                List
              </th>
              <th scope="col" className="govuk-table__header">
                Sheet
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Rows read
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Duplicates dropped
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Blank Child Unique ID
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Invalid values
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {quality.lists.map((l) => (
              <tr key={l.list} className="govuk-table__row">
                <th scope="row" className="govuk-table__header app-nowrap">
                  List {l.list}
                </th>
                <td className="govuk-table__cell">{l.sheet}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{n(l.rowsRead)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{n(l.duplicatesDropped)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{n(l.blankIds.length)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{n(l.invalidCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {quality.issueCount === 0 ? (
        <p className="govuk-body">No problems were found in the lists.</p>
      ) : (
        <ScrollRegion label="Problems found in the lists" className="app-scroll-region--spaced">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">
              Problems found in the lists: {n(first + 1)} to {n(first + quality.issues.length)} of {n(quality.issueCount)}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  List
                </th>
                <th scope="col" className="govuk-table__header">
                  Row
                </th>
                <th scope="col" className="govuk-table__header">
                  Column
                </th>
                <th scope="col" className="govuk-table__header">
                  Problem
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {quality.issues.map((i, k) => (
                <tr key={k} className="govuk-table__row">
                  <td className="govuk-table__cell app-nowrap">{i.list === null ? "" : `List ${i.list}`}</td>
                  <td className="govuk-table__cell app-nowrap">{i.row === null ? "All rows" : n(i.row)}</td>
                  <td className="govuk-table__cell">{i.column ?? ""}</td>
                  <td className="govuk-table__cell">{i.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
