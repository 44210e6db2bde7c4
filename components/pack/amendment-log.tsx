// The amendment log: every version of this month's pack, when and why it was made; and each day
// answers to the panel's questions were added (an addendum: the signed-off pack itself is unchanged).
import type { AmendmentEntry } from "@/lib/pack/delivery/find-pack";
import type { Addendum } from "@/lib/questions/pack-questions";
import { formatDate } from "@/lib/format/dates";
import { ScrollRegion } from "@/components/scroll-region";
import { TableHead } from "@/components/table-head";

export function AmendmentLog({ entries, addenda = [], month }: { entries: AmendmentEntry[]; addenda?: Addendum[]; month: string }) {
  if (entries.length < 2 && !addenda.length) return null;
  return (
    <section className="app-pack-part" aria-labelledby="amendments-title">
      <h2 className="govuk-heading-l" id="amendments-title">
        Amendment log
      </h2>
      <ScrollRegion label="Amendment log: versions">
        <table className="govuk-table app-pack-log">
          <TableHead columns={["Version", "Signed off", "Published", "Reason"]} />
          <tbody className="govuk-table__body">
            {entries.map((e) => (
              <tr className="govuk-table__row" key={e.version}>
                <th scope="row" className="govuk-table__header">
                  <a className="govuk-link" href={`/packs/${month}?version=${e.version}`}>
                    Version {e.version}
                  </a>
                </th>
                <td className="govuk-table__cell">
                  {formatDate(e.signedOffAt)} by {e.signedOffByName}
                </td>
                <td className="govuk-table__cell">{e.publishedAt ? formatDate(e.publishedAt) : "Not published"}</td>
                <td className="govuk-table__cell">{e.reason ?? (e.version === 1 ? "First version" : "")}</td>
              </tr>
            ))}
            {addenda.map((a) => (
              <tr className="govuk-table__row" key={a.date}>
                <th scope="row" className="govuk-table__header">
                  <a className="govuk-link" href="#questions-title">
                    Addendum
                  </a>
                </th>
                <td className="govuk-table__cell">Not signed off (the pack is unchanged)</td>
                <td className="govuk-table__cell">{formatDate(a.date)}</td>
                <td className="govuk-table__cell">
                  {a.answers === 1 ? "Answer to 1 question" : `Answers to ${a.answers} questions`} from the panel added
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
