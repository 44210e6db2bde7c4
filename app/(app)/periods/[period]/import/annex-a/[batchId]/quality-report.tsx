// The data-quality report: per list, rows read, duplicates and problems; then each problem by list,
// row and column, whole lists first, a page at a time. It names where, never the value itself.
import { QUALITY_ROWS_PER_PAGE, type AnnexAPreviewView } from "@/lib/annex-a/find-annex-a-preview";
import { GovukTable } from "@/components/govuk-table";

const n = (x: number) => x.toLocaleString("en-GB");

export function QualityReport({ quality }: { quality: AnnexAPreviewView["quality"] }) {
  const first = (quality.page - 1) * QUALITY_ROWS_PER_PAGE;
  return (
    <>
      <GovukTable
        caption="Rows read from each list"
        captionSize="s"
        scroll={{ label: "Rows read from each list", className: "app-scroll-region--spaced" }}
        rows={quality.lists}
        rowKey={(l) => l.list}
        columns={[
          { header: "List", rowHeader: true, cellClassName: "app-nowrap", cell: (l) => `List ${l.list}` },
          { header: "Sheet", cell: (l) => l.sheet },
          { header: "Rows read", numeric: true, cell: (l) => n(l.rowsRead) },
          { header: "Duplicates dropped", numeric: true, cell: (l) => n(l.duplicatesDropped) },
          { header: "Blank Child Unique ID", numeric: true, cell: (l) => n(l.blankIds.length) },
          { header: "Invalid values", numeric: true, cell: (l) => n(l.invalidCount) },
        ]}
      />
      <GovukTable
        caption={`Problems found in the lists: ${n(first + 1)} to ${n(first + quality.issues.length)} of ${n(quality.issueCount)}`}
        captionSize="s"
        scroll={{ label: "Problems found in the lists", className: "app-scroll-region--spaced" }}
        rows={quality.issues}
        rowKey={(_, k) => k}
        empty="No problems were found in the lists."
        columns={[
          { header: "List", cellClassName: "app-nowrap", cell: (i) => (i.list === null ? "" : `List ${i.list}`) },
          { header: "Row", cellClassName: "app-nowrap", cell: (i) => (i.row === null ? "All rows" : n(i.row)) },
          { header: "Column", cell: (i) => i.column ?? "" },
          { header: "Problem", cell: (i) => i.message },
        ]}
      />
    </>
  );
}
