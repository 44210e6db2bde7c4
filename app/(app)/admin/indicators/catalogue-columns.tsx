// The catalogue table's columns and the TanStack Table v9 features it uses (sorting, a section and
// status filter per column, and a search over code and name). Kept at module scope so they stay stable.
import Link from "next/link";
import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_includesString,
  globalFilteringFeature,
  rowSortingFeature,
  tableFeatures,
  type Row,
} from "@tanstack/react-table";
import type { CatalogueRow } from "@/lib/catalogue/list-catalogue";
import { formatFigure, polarityShortLabel, unitShortLabel } from "@/lib/catalogue/indicator-labels";

export const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  filterFns: { includesString: filterFn_includesString },
});

type R = Row<typeof features, CatalogueRow>;
const helper = createColumnHelper<typeof features, CatalogueRow>();
// Sorts as people read: "CP_2" before "CP_10", ignoring letter case.
const collator = new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" });
const byText = (key: "code" | "name") => (a: R, b: R) => collator.compare(a.original[key], b.original[key]);
const byLabel = (labels: Record<string, string>, key: "unit" | "polarity") => (a: R, b: R) =>
  labels[a.original[key]].localeCompare(labels[b.original[key]]);

/** Pack order: the order sections appear in the pack, then each indicator's position. */
export const comparePackOrder = (a: R, b: R) =>
  a.original.sectionOrder - b.original.sectionOrder ||
  a.original.order - b.original.order ||
  a.original.code.localeCompare(b.original.code);

export const columns = helper.columns([
  // A break opportunity after each underscore, so long codes wrap between words.
  helper.accessor("code", {
    header: "Code",
    sortFn: byText("code"),
    cell: (info) =>
      info
        .getValue()
        .split("_")
        .map((part, i) =>
          i ? (
            <span key={i}>
              _<wbr />
              {part}
            </span>
          ) : (
            part
          ),
        ),
  }),
  helper.accessor("name", {
    header: "Name",
    sortFn: byText("name"),
    cell: (info) => (
      <Link className="govuk-link" href={`/admin/indicators/${info.row.original.code}`}>
        {info.getValue()}
      </Link>
    ),
  }),
  helper.accessor("sectionId", {
    id: "section",
    header: "Section",
    sortFn: comparePackOrder,
    filterFn: (row, _id, value) => !value || row.original.sectionId === value,
    cell: (info) => info.row.original.sectionName,
  }),
  helper.accessor("unit", { header: "Unit", sortFn: byLabel(unitShortLabel, "unit"), cell: (info) => unitShortLabel[info.getValue()] }),
  helper.accessor("polarity", {
    header: "Better when",
    sortFn: byLabel(polarityShortLabel, "polarity"),
    cell: (info) => polarityShortLabel[info.getValue()],
  }),
  helper.accessor((row) => row.target ?? undefined, {
    id: "target",
    header: "Target now",
    sortUndefined: "last",
    sortFn: (a, b) => (a.original.target ?? 0) - (b.original.target ?? 0),
    cell: (info) => <TargetCell row={info.row.original} />,
  }),
  helper.accessor("active", {
    id: "status",
    header: "Status",
    sortFn: (a, b) => Number(b.original.active) - Number(a.original.active),
    filterFn: (row, _id, value) => (value === "active" ? row.original.active : value === "inactive" ? !row.original.active : true),
    cell: (info) =>
      info.getValue() ? (
        <strong className="govuk-tag govuk-tag--green">Active</strong>
      ) : (
        <strong className="govuk-tag govuk-tag--grey">Inactive</strong>
      ),
  }),
]);

function TargetCell({ row }: { row: CatalogueRow }) {
  if (row.target === null) return <span className="app-muted">None</span>;
  return (
    <>
      {formatFigure(row.target, row.unit, row.decimals)}
      {row.tolerance !== null ? (
        <span className="app-table-note">tolerance {row.tolerance.toLocaleString("en-GB", { maximumFractionDigits: 3 })}</span>
      ) : null}
    </>
  );
}
