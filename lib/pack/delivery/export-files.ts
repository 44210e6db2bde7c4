// The three downloads of a published pack, built from its frozen snapshot: CSV and Excel (the
// figures table) and JSON (the snapshot exactly as stored, with the hash that proves it unchanged).
import ExcelJS from "exceljs";
import { formatDate, formatDateTime, formatMonth } from "@/lib/format/dates";
import { roleLabel } from "@/lib/auth/roles";
import { csvRecord, escapeFormula } from "@/lib/pack/delivery/export-cells";
import { ACTION_COLUMNS, actionRows, EXPORT_COLUMNS, EXPORT_NOTES, exportRows } from "@/lib/pack/delivery/export-rows";
import type { PackSnapshot } from "@/lib/pack/snapshot/snapshot-types";

export const HASH_ALGORITHM = "SHA-256 of the snapshot as canonical JSON: object keys sorted, no whitespace, arrays in order";

/** The figures table as CSV, with a byte-order mark so Excel reads it as UTF-8. */
export function buildCsv(snapshot: Pick<PackSnapshot, "month" | "sections">): string {
  return `\uFEFF${csvRecord([...EXPORT_COLUMNS])}${exportRows(snapshot)
    .map((r) => csvRecord(r.cells, r.decimals))
    .join("")}`;
}

export type ExportMeta = { version: number; publishedAt: string | null; contentHash: string };

/** The figures table as an Excel workbook: "Figures" (one row per indicator) and "About this pack". */
export async function buildXlsx(snapshot: PackSnapshot, meta: ExportMeta): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = snapshot.council;
  wb.title = `${snapshot.title}, ${formatMonth(snapshot.month)}`;
  wb.created = new Date(snapshot.signedOff.at);

  const sheet = wb.addWorksheet("Figures", { views: [{ state: "frozen", ySplit: 1, xSplit: 4 }] });
  const header = sheet.addRow([...EXPORT_COLUMNS]);
  header.font = { bold: true };
  for (const { cells, decimals } of exportRows(snapshot)) {
    const row = sheet.addRow(cells.map((c) => (typeof c === "string" ? escapeFormula(c) : c)));
    row.eachCell((cell) => {
      if (typeof cell.value === "number") cell.numFmt = decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
    });
  }
  const widths = [9, 28, 24, 40, 16, 11, 11, 12, 12, 12, 10, 8, 22, 22, 10, 16, 40, 10, 14, 60];
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };

  // Actions on exceptions, one row each, as the pack froze them (schema 3 packs; empty before).
  const actions = wb.addWorksheet("Actions on exceptions", { views: [{ state: "frozen", ySplit: 1 }] });
  actions.addRow([...ACTION_COLUMNS]).font = { bold: true };
  for (const row of actionRows(snapshot)) actions.addRow(row.map((c) => (typeof c === "string" ? escapeFormula(c) : c)));
  [9, 28, 24, 40, 14, 50, 28, 12, 10, 30, 12].forEach((w, i) => {
    actions.getColumn(i + 1).width = w;
  });

  const about = wb.addWorksheet("About this pack");
  const facts: [string, string][] = [
    ["Council", snapshot.council],
    ["Pack", snapshot.title],
    ["Month", formatMonth(snapshot.month)],
    ["Version", String(meta.version)],
    ["Scrutiny panel", formatDate(snapshot.panelMeetingDate)],
    ["Signed off", `${snapshot.signedOff.name}, ${roleLabel[snapshot.signedOff.role]}, ${formatDateTime(snapshot.signedOff.at)}`],
    ["Published", meta.publishedAt ? formatDateTime(meta.publishedAt) : "Not published"],
    ["Amendment reason", snapshot.amendmentReason ?? ""],
    ["Content hash", meta.contentHash],
    ["Hash algorithm", HASH_ALGORITHM],
    ...EXPORT_NOTES.map((n, i): [string, string] => [i === 0 ? "Notes" : "", n]),
  ];
  for (const [k, v] of facts) about.addRow([escapeFormula(k), escapeFormula(v)]).getCell(1).font = { bold: true };
  about.getColumn(1).width = 20;
  about.getColumn(2).width = 100;

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The snapshot exactly as stored, with what a reader needs to check it against its hash. */
export function buildJson(snapshot: unknown, meta: ExportMeta & { month: string }): string {
  return `${JSON.stringify(
    {
      month: meta.month,
      version: meta.version,
      publishedAt: meta.publishedAt,
      contentHash: meta.contentHash,
      hashAlgorithm: HASH_ALGORITHM,
      snapshot,
    },
    null,
    2,
  )}\n`;
}
