// The preview of one upload: every row for the page's month with what it would do, kept in
// ImportBatch.rows so that "Confirm import" commits exactly what the person saw.
import type { Unit } from "@/lib/generated/prisma/enums";
import type { ImportTable, RawRow } from "@/lib/import/import-table";

export type RowStatus = "new" | "changed" | "unchanged" | "error";

export type RowError = { row: number; column: string; message: string };

/** A value as stored: a number, or not available with a reason. note undefined = leave the note alone. */
export type ValueState = { value: number | null; notAvailableReason: string | null; note?: string | null };

export type ExistingValue = { id: string; value: number | null; notAvailableReason: string | null; note: string | null; revision: number };

export type PreviewIndicator = { id: string; code: string; name: string; unit: Unit; decimals: number };

export type PreviewRow = {
  row: number;
  raw: RawRow;
  status: RowStatus;
  indicator: PreviewIndicator | null;
  next: ValueState | null;
  previous: ExistingValue | null;
  errors: RowError[];
};

export type ImportCounts = { new: number; changed: number; unchanged: number; error: number };

export type ImportPreview = {
  version: 1;
  month: string;
  kind: ImportTable["kind"];
  layout: NonNullable<ImportTable["layout"]>;
  encoding?: ImportTable["encoding"];
  headers: ImportTable["headers"];
  rows: PreviewRow[];
  /** Rows for other months, left out: the import only changes the page's month. */
  skipped: { rows: number; months: string[] };
  counts: ImportCounts;
  errors: RowError[];
};

/** The rows the confirmation writes. */
export const rowsToWrite = (preview: ImportPreview) => preview.rows.filter((r) => r.status === "new" || r.status === "changed");
