import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { formatDateTime } from "@/lib/format/dates";
import { listChildPopulation } from "@/lib/population/list-child-population";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { GovukTable } from "@/components/govuk-table";
import { PopulationEditor } from "./population-editor";

export const metadata: Metadata = { title: "Child population" };

type Props = { searchParams: Promise<{ year?: string; removed?: string }> };

export default async function ChildPopulationPage({ searchParams }: Props) {
  const user = await requirePermission("population.manage");
  const rows = await listChildPopulation(user);
  const q = await searchParams;
  // "Change" on a row opens the form with that year's figure in it.
  const editing = rows.find((r) => String(r.year) === q.year);
  const removed = typeof q.removed === "string" && /^\d{4}$/.test(q.removed) ? `The figure for ${q.removed} has been removed` : null;
  const heading = (
    <>
      <h1 className="govuk-heading-xl">Child population</h1>
      <p className="govuk-body">
        The number of children aged 0 to 17 living in the council&rsquo;s area in each year, from the Office for National Statistics&rsquo;
        mid-year estimates. Every rate per 10,000 children worked out from the Annex A lists divides by it.
      </p>
      <p className="govuk-body">A month uses its own year&rsquo;s figure, or the latest earlier year&rsquo;s until its own is entered.</p>
    </>
  );
  const table = (
    <GovukTable
      caption="Figures by year"
      captionSize="m"
      scroll={{ label: "Child population by year", className: "app-scroll-region--spaced" }}
      rows={rows}
      rowKey={(r) => r.year}
      empty={<div className="govuk-inset-text">No figures yet. Until a year has one, no rate per 10,000 children can be worked out.</div>}
      columns={[
        { header: "Year", rowHeader: true, cell: (r) => r.year },
        { header: "Children aged 0 to 17", numeric: true, cell: (r) => r.count.toLocaleString("en-GB") },
        { header: "Source", cell: (r) => r.source ?? "Not given" },
        {
          header: "Last changed by",
          cell: (r) => (
            <>
              {r.updatedByName}
              <br />
              <span className="govuk-body-s">{formatDateTime(r.updatedAt)}</span>
            </>
          ),
        },
        {
          header: "Action",
          cell: (r) => (
            <ul className="govuk-list govuk-!-margin-bottom-0">
              <li>
                <a className="govuk-link" href={`/admin/population?year=${r.year}#population-form`}>
                  Change<span className="govuk-visually-hidden"> the figure for {r.year}</span>
                </a>
              </li>
              <li>
                <a className="govuk-link" href={`/admin/population/${r.year}/remove`}>
                  Remove<span className="govuk-visually-hidden"> the figure for {r.year}</span>
                </a>
              </li>
            </ul>
          ),
        },
      ]}
    />
  );
  return (
    <>
      <Breadcrumbs items={[{ href: "/admin", text: "Administration" }]} />
      <PopulationEditor
        heading={heading}
        notice={removed}
        initial={
          editing ? { year: String(editing.year), count: editing.count.toLocaleString("en-GB"), source: editing.source ?? "" } : null
        }
      >
        {table}
      </PopulationEditor>
    </>
  );
}
