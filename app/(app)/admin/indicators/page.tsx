import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { listCatalogue } from "@/lib/catalogue/list-catalogue";
import { parseCatalogueFilters } from "@/lib/catalogue/catalogue-filters";
import { formatMonth } from "@/lib/format/dates";
import { CatalogueTable } from "./catalogue-table";
import { Breadcrumbs } from "@/components/breadcrumbs";

export const metadata: Metadata = { title: "Indicators" };

export default async function IndicatorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("indicator.manage");
  const { month, sections, rows } = await listCatalogue(user);
  const filters = parseCatalogueFilters(
    await searchParams,
    sections.map((s) => s.id),
  );
  return (
    <>
      <Breadcrumbs items={[{ href: "/admin", text: "Administration" }]} />
      <h1 className="govuk-heading-xl">Indicators</h1>
      <p className="govuk-body">
        Every indicator in the catalogue, in pack order. Targets shown are those in force for {formatMonth(month)}. Choose an indicator to
        change its details, target or comparators.
      </p>
      <Link href="/admin/indicators/new" role="button" draggable={false} className="govuk-button" data-module="govuk-button">
        Add an indicator
      </Link>
      <CatalogueTable rows={rows} sections={sections} initialFilters={filters} />
    </>
  );
}
