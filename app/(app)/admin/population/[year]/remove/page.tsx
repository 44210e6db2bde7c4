import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { findChildPopulationYear } from "@/lib/population/list-child-population";
import { RemovePopulationForm } from "./remove-form";

export const metadata: Metadata = { title: "Remove a year's child population" };

export default async function RemovePopulationPage({ params }: { params: Promise<{ year: string }> }) {
  const user = await requirePermission("population.manage");
  const { year } = await params;
  const row = /^\d{4}$/.test(year) ? await findChildPopulationYear(user, Number(year)) : null;
  if (!row) notFound();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link href="/admin/population" className="govuk-back-link">
          Back to child population
        </Link>
        <h1 className="govuk-heading-l">Remove the figure for {row.year}?</h1>
        <p className="govuk-body">
          {row.count.toLocaleString("en-GB")} children aged 0 to 17{row.source ? ` (${row.source})` : ""}, last changed by{" "}
          {row.updatedByName}.
        </p>
        <p className="govuk-body">
          Months in {row.year} and after will use the latest earlier year&rsquo;s figure instead, until a later one is entered. If the
          figure is only wrong,{" "}
          <a className="govuk-link" href={`/admin/population?year=${row.year}#population-form`}>
            change it
          </a>{" "}
          instead.
        </p>
        <RemovePopulationForm year={row.year} />
      </div>
    </div>
  );
}
