// How a preview is kept in ImportBatch.rows: one flat object per row with empty parts left out,
// so a 10,000-row file stores (and reads back) about half the JSON of the in-memory preview.
// Indicator names and units are looked up again when the preview is shown.
import type { ExistingValue, ImportPreview, PreviewRow, RowError, RowStatus, ValueState } from "@/lib/import/import-preview";
import type { RawRow } from "@/lib/import/import-table";

export type StoredRow = {
  row: number;
  code: string;
  /** Present when the file has a period column. */
  period?: string;
  value: string;
  /** Present when the file has a note column. */
  note?: string;
  /** A wide file's indicator name cell, when it names indicators. */
  name?: string;
  /** A wide file's month heading the value came from. */
  valueHeader?: string;
  problems?: RawRow["problems"];
  status: RowStatus;
  indicatorId?: string;
  next?: ValueState;
  previous?: ExistingValue;
  errors?: RowError[];
};

export type StoredPreview = Omit<ImportPreview, "version" | "rows" | "errors"> & { version: 2; rows: StoredRow[] };

export function toStoredPreview(preview: ImportPreview): StoredPreview {
  const { version: _version, rows, errors: _errors, ...rest } = preview;
  return { ...rest, version: 2, rows: rows.map(toStoredRow) };
}

export function toStoredRow(r: PreviewRow): StoredRow {
  const row: StoredRow = { row: r.row, code: r.raw.code, value: r.raw.value, status: r.status };
  if (r.raw.period !== null) row.period = r.raw.period;
  if (r.raw.note !== null) row.note = r.raw.note;
  if (r.raw.name !== undefined) row.name = r.raw.name;
  if (r.raw.valueHeader !== undefined) row.valueHeader = r.raw.valueHeader;
  if (r.raw.problems.length) row.problems = r.raw.problems;
  if (r.indicator) row.indicatorId = r.indicator.id;
  if (r.next) row.next = r.next;
  if (r.previous) row.previous = r.previous;
  if (r.errors.length) row.errors = r.errors;
  return row;
}

export function readStoredPreview(json: unknown): StoredPreview {
  const stored = json as StoredPreview | null;
  if (!stored || stored.version !== 2 || !Array.isArray(stored.rows)) throw new Error("ImportBatch.rows is not a version 2 import preview");
  return stored;
}

/** The file's rows as the parser gave them, to validate again at confirmation. */
export function rawRowsOf(stored: Pick<StoredPreview, "rows" | "headers">): RawRow[] {
  return stored.rows.map((r) => ({
    row: r.row,
    code: r.code,
    value: r.value,
    problems: r.problems ?? [],
    // A wide file has no period column, but each of its rows carries the month of its column.
    period: r.period ?? (stored.headers.period === null ? null : ""),
    note: stored.headers.note === null ? null : (r.note ?? ""),
    ...(r.name === undefined ? {} : { name: r.name }),
    ...(r.valueHeader === undefined ? {} : { valueHeader: r.valueHeader }),
  }));
}

export const storedErrors = (stored: StoredPreview): RowError[] => stored.rows.flatMap((r) => r.errors ?? []);
