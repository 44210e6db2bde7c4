import { findPublishedPeriods } from "@/lib/home/home-summary";
import { formatMonth } from "@/lib/format/dates";

export async function PanelHome() {
  const periods = await findPublishedPeriods();
  return (
    <>
      <h1 className="govuk-heading-xl">Performance packs</h1>
      {periods.length === 0 ? (
        <p className="govuk-body">No packs have been published yet.</p>
      ) : (
        <ul className="govuk-list">
          {periods.map((p) => (
            <li key={p.month}>
              <a className="govuk-link" href={`/packs/${p.month}`}>
                {formatMonth(p.month)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
