// A GOV.UK table's header row from column names; "numeric" columns align right with their figures.
// For the pack's tables, whose bodies are built by hand; every other table is a GovukTable.
import { GovukTableHead } from "@/components/govuk-table";

export type Column = string | { text: string; numeric?: boolean };

export function TableHead({ columns }: { columns: Column[] }) {
  return <GovukTableHead columns={columns.map((c) => (typeof c === "string" ? { header: c } : { header: c.text, numeric: c.numeric }))} />;
}
