"use client";
// The indicator catalogue: filters that apply as you type (and by submitting the form without
// JavaScript), sortable column headers that are buttons with aria-sort, and rows grouped by section
// while the table is in pack order.
import { Fragment, useEffect, useState } from "react";
import { useTable, type ColumnFiltersState, type SortingState } from "@tanstack/react-table";
import type { CatalogueRow, SectionOption } from "@/lib/catalogue/list-catalogue";
import { catalogueFiltersQuery, type CatalogueFilters, type CatalogueStatus } from "@/lib/catalogue/catalogue-filters";
import { columns, features } from "./catalogue-columns";
import { TextInput } from "@/components/form/text-input";
import { Select } from "@/components/form/select";
import { ScrollRegion } from "@/components/scroll-region";

const toColumnFilters = (f: CatalogueFilters): ColumnFiltersState => [
  ...(f.section ? [{ id: "section", value: f.section }] : []),
  ...(f.status !== "all" ? [{ id: "status", value: f.status }] : []),
];

export function CatalogueTable({
  rows,
  sections,
  initialFilters,
}: {
  rows: CatalogueRow[];
  sections: SectionOption[];
  initialFilters: CatalogueFilters;
}) {
  const [filters, setFilters] = useState(initialFilters);
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useTable({
    features,
    columns,
    data: rows,
    state: { sorting, columnFilters: toColumnFilters(filters), globalFilter: filters.q },
    onSortingChange: setSorting,
    enableMultiSort: false,
    globalFilterFn: "includesString",
    getColumnCanGlobalFilter: (column) => column.id === "code" || column.id === "name",
  });

  // Keep the address in step, so going to an indicator and back returns to the same view.
  useEffect(() => {
    window.history.replaceState(window.history.state, "", `${window.location.pathname}${catalogueFiltersQuery(filters)}`);
  }, [filters]);

  const shown = table.getRowModel().rows;
  const sortedBy = sorting[0];
  const grouped = !sortedBy || sortedBy.id === "section";
  const groups = grouped ? groupBySection(shown) : [{ key: "all", name: null, rows: shown }];
  const leafCount = table.getAllLeafColumns().length;
  const sortedLabel = sortedBy
    ? `${String(table.getColumn(sortedBy.id)?.columnDef.header)}, ${sortedBy.desc ? "descending" : "ascending"}`
    : "pack order";

  return (
    <>
      <form
        method="get"
        action="/admin/indicators"
        role="search"
        aria-label="Filter indicators"
        className="app-filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <TextInput
          id="filter-q"
          name="q"
          labelSize="s"
          label="Search by code or name"
          width="20"
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={filters.q}
          onChange={(q) => setFilters({ ...filters, q })}
        />
        <Select
          id="filter-section"
          name="section"
          labelSize="s"
          label="Section"
          value={filters.section}
          onChange={(section) => setFilters({ ...filters, section })}
          options={[{ value: "", label: "All sections" }, ...sections.map((s) => ({ value: s.id, label: s.name }))]}
        />
        <Select
          id="filter-status"
          name="status"
          labelSize="s"
          label="Status"
          value={filters.status}
          onChange={(status) => setFilters({ ...filters, status: status as CatalogueStatus })}
          options={[
            { value: "all", label: "Active and inactive" },
            { value: "active", label: "Active only" },
            { value: "inactive", label: "Inactive only" },
          ]}
        />
        <noscript>
          <button type="submit" className="govuk-button govuk-button--secondary">
            Apply filters
          </button>
        </noscript>
      </form>

      <p className="govuk-body" role="status" aria-live="polite">
        Showing {shown.length} of {rows.length} indicators
        {filters.q || filters.section || filters.status !== "all" ? " that match the filters" : ""}
        {filters.q || filters.section || filters.status !== "all" ? (
          <>
            {" "}
            <button type="button" className="app-link-button" onClick={() => setFilters({ q: "", section: "", status: "all" })}>
              Clear filters
            </button>
          </>
        ) : null}
      </p>

      <ScrollRegion label="Indicators" className="app-scroll-region--spaced">
        <table className="govuk-table app-catalogue-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Indicators, sorted by {sortedLabel}</caption>
          <thead className="govuk-table__head">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} className="govuk-table__row">
                {group.headers.map((header) => {
                  const dir = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className="govuk-table__header"
                      aria-sort={dir === "asc" ? "ascending" : dir === "desc" ? "descending" : "none"}
                    >
                      <button type="button" className="app-sort-button" onClick={header.column.getToggleSortingHandler()}>
                        <table.FlexRender header={header} />
                        <span className="app-sort-icon" aria-hidden="true">
                          {dir === "asc" ? "▲" : dir === "desc" ? "▼" : "▲▼"}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          {shown.length === 0 ? (
            <tbody className="govuk-table__body">
              <tr className="govuk-table__row">
                <td className="govuk-table__cell" colSpan={leafCount}>
                  No indicators match these filters.
                </td>
              </tr>
            </tbody>
          ) : (
            groups.map((g) => (
              <tbody key={g.key} className="govuk-table__body">
                {g.name !== null ? (
                  <tr className="govuk-table__row app-group-row">
                    <th scope="rowgroup" colSpan={leafCount} className="govuk-table__header">
                      {g.name}
                    </th>
                  </tr>
                ) : null}
                {g.rows.map((row) => (
                  <tr key={row.id} className="govuk-table__row">
                    {row.getAllCells().map((cell) => (
                      <Fragment key={cell.id}>
                        {cell.column.id === "code" ? (
                          <th scope="row" className="govuk-table__header app-code-cell">
                            <table.FlexRender cell={cell} />
                          </th>
                        ) : (
                          <td className="govuk-table__cell">
                            <table.FlexRender cell={cell} />
                          </td>
                        )}
                      </Fragment>
                    ))}
                  </tr>
                ))}
              </tbody>
            ))
          )}
        </table>
      </ScrollRegion>
    </>
  );
}

function groupBySection<T extends { original: CatalogueRow }>(rows: T[]) {
  const groups: { key: string; name: string | null; rows: T[] }[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last.key === row.original.sectionId) last.rows.push(row);
    else groups.push({ key: row.original.sectionId, name: row.original.sectionName, rows: [row] });
  }
  return groups;
}
