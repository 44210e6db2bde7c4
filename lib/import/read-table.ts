// Turns a grid of cells (from CSV or XLSX) into an ImportTable: finds the header row, tells the
// layout from it (long: indicator_code, period, value; wide: one column per month), matches the
// columns, drops blank rows, and enforces the row cap. Shared so both formats behave the same.
import { restoreFormulaText } from "@/lib/format/spreadsheet-text";
import { COLUMN_ALIASES, NAME_ALIASES, normaliseHeader, type ImportColumn, type ImportTable, type RawRow } from "@/lib/import/import-table";
import type { FileError } from "@/lib/import/file-errors";
import { MAX_IMPORT_ROWS } from "@/lib/import/limits";
import { columnLetter, readMonthHeader } from "@/lib/import/month-header";
import { formatMonth } from "@/lib/format/dates";
import { hasDamagedText } from "@/lib/validation/text";

export type GridRow = { row: number; cells: string[]; problems?: Map<number, string> };

type LongColumn = keyof typeof COLUMN_ALIASES;
type Header =
  | { layout: "long"; positions: Partial<Record<LongColumn, number>> }
  | { layout: "wide"; code?: number; name?: number; months: { index: number; month: string; header: string }[] };

export type TableRead = { ok: true; table: ImportTable } | { ok: false; error: FileError };

export function readTable(kind: ImportTable["kind"], grid: Iterable<GridRow>, now = new Date()): TableRead {
  const reader = tableReader(kind, now);
  for (const line of grid) {
    const error = reader.add(line);
    if (error) return { ok: false, error };
  }
  return reader.finish();
}

/**
 * The same, a row at a time, for a reader that streams: each row is turned into the few strings the
 * import uses as it arrives, so a sheet's other columns are never all held at once.
 */
export function tableReader(kind: ImportTable["kind"], now = new Date()) {
  let headerLine: GridRow | undefined;
  let header: Header | undefined;
  const rows: RawRow[] = [];
  return {
    /** A file-level problem that ends the read, or null to go on. */
    add(line: GridRow): FileError | null {
      if (line.cells.every((c) => c.trim() === "") && !line.problems?.size) return null;
      // PostgreSQL cannot store U+0000 in text or jsonb: refused here, naming the cell, for both formats.
      const nul = line.cells.findIndex((c) => c.includes("\u0000"));
      if (nul >= 0) {
        const name = headerLine?.cells[nul]?.replaceAll("\u0000", "").trim();
        return { code: "nul-character", row: line.row, column: name || columnLetter(nul) };
      }
      // Bytes not valid in the file's encoding were decoded as U+FFFD: refused, naming the cell, never stored so.
      const damaged = line.cells.findIndex(hasDamagedText);
      if (damaged >= 0) {
        const name = headerLine?.cells[damaged]?.trim();
        return { code: "unreadable-character", row: line.row, column: name && !hasDamagedText(name) ? name : columnLetter(damaged) };
      }
      if (!header) {
        headerLine = line;
        const matched = matchHeader(line, now);
        if ("error" in matched) return matched.error;
        header = matched;
        return null;
      }
      const added = header.layout === "long" ? longRows(header.positions, line) : wideRows(header, line);
      if (rows.length + added.length > MAX_IMPORT_ROWS) return { code: "too-many-rows" };
      rows.push(...added);
      return null;
    },
    finish(): TableRead {
      if (!header || !headerLine) return { ok: false, error: { code: "empty" } };
      if (rows.length === 0) return { ok: false, error: { code: "no-rows" } };
      const text = (index: number | undefined) => (index === undefined ? null : headerLine!.cells[index].trim());
      if (header.layout === "long") {
        const p = header.positions;
        return {
          ok: true,
          table: {
            kind,
            layout: "long",
            headers: { code: text(p.code)!, value: text(p.value)!, period: text(p.period), note: text(p.note) },
            rows,
          },
        };
      }
      return {
        ok: true,
        table: {
          kind,
          layout: "wide",
          headers: { code: text(header.code) ?? "indicator_code", name: text(header.name), value: "value", period: null, note: null },
          rows,
        },
      };
    },
  };
}

function longRows(positions: Partial<Record<LongColumn, number>>, line: GridRow): RawRow[] {
  const cell = (c: LongColumn) => (positions[c] === undefined ? null : (line.cells[positions[c]] ?? "").trim());
  const problems: RawRow["problems"] = [];
  for (const [index, reason] of line.problems ?? []) {
    const column = (Object.keys(positions) as LongColumn[]).find((c) => positions[c] === index);
    if (column) problems.push({ column, reason });
  }
  // A note downloaded from Scrutiny Pack had any formula character defused with an apostrophe: taken out again.
  const note = cell("note");
  return [
    {
      row: line.row,
      code: cell("code") ?? "",
      period: cell("period"),
      value: cell("value") ?? "",
      note: note === null ? null : restoreFormulaText(note),
      problems,
    },
  ];
}

/** One row per month cell that holds something: an empty cell in a scorecard means no figure was given. */
function wideRows(header: Extract<Header, { layout: "wide" }>, line: GridRow): RawRow[] {
  const at = (index: number | undefined) => (index === undefined ? "" : (line.cells[index] ?? "").trim());
  const problem = (index: number | undefined, column: ImportColumn) => {
    const reason = index === undefined ? undefined : line.problems?.get(index);
    return reason ? [{ column, reason }] : [];
  };
  const code = at(header.code);
  const name = header.name === undefined ? undefined : at(header.name);
  const rows: RawRow[] = [];
  for (const m of header.months) {
    const value = at(m.index);
    const problems = [...problem(header.code, "code"), ...problem(header.name, "name"), ...problem(m.index, "value")];
    if (value === "" && !problems.some((p) => p.column === "value")) continue;
    rows.push({
      row: line.row,
      code,
      ...(name === undefined ? {} : { name }),
      period: m.month,
      value,
      note: null,
      valueHeader: m.header,
      problems,
    });
  }
  return rows;
}

function matchHeader(line: GridRow, now: Date): Header | { error: FileError } {
  const cells = line.cells;
  if (cells.length === 1 && /[;\t]/.test(cells[0]))
    return { error: { code: "wrong-delimiter", delimiter: cells[0].includes(";") ? "semicolons" : "tabs" } };
  const positions: Partial<Record<LongColumn, number>> = {};
  let name: number | undefined;
  const months: { index: number; month: string; header: string }[] = [];
  let unreadable: FileError | undefined;
  const where = (index: number) => ({ row: line.row, column: columnLetter(index), header: cells[index].trim() });
  for (const [index, text] of cells.entries()) {
    const normalised = normaliseHeader(text);
    const column = (Object.keys(COLUMN_ALIASES) as LongColumn[]).find((c) => COLUMN_ALIASES[c].includes(normalised));
    if (column) {
      if (positions[column] !== undefined)
        return { error: { code: "duplicate-column", column: `${cells[positions[column]].trim()} and ${text.trim()}` } };
      positions[column] = index;
      continue;
    }
    if (NAME_ALIASES.includes(normalised)) {
      name ??= index;
      continue;
    }
    const month = readMonthHeader(text, now);
    // Refused only if the file turns out to be wide: a long file's other columns are ignored, as always.
    if (month.kind === "unreadable") {
      unreadable ??= { code: "bad-month-header", ...where(index), reason: month.reason };
      continue;
    }
    if (month.kind === "month") {
      const same = months.find((m) => m.month === month.month);
      if (same)
        return {
          error: {
            code: "duplicate-month",
            row: line.row,
            column: columnLetter(index),
            header: `${same.header} (column ${columnLetter(same.index)}) and ${text.trim()} (column ${columnLetter(index)})`,
            reason: `both are ${formatMonth(month.month)}`,
          },
        };
      months.push({ index, month: month.month, header: text.trim() });
    }
    // other columns (a unit, a target) are allowed and ignored
  }
  if (unreadable && (months.length > 0 || positions.value === undefined)) return { error: unreadable };
  if (months.length > 0) {
    const long = (["value", "period", "note"] as const).find((c) => positions[c] !== undefined);
    if (long) {
      const first = months[0];
      return {
        error: {
          code: "mixed-layout",
          row: line.row,
          column: columnLetter(positions[long]!),
          header: cells[positions[long]!].trim(),
          reason: `the file has a ${cells[positions[long]!].trim()} column (one row per indicator and month) and month columns such as ${first.header} (one column per month): keep one layout`,
        },
      };
    }
    if (positions.code === undefined && name === undefined) return { error: { code: "missing-column", column: "indicator_code" } };
    return { layout: "wide", code: positions.code, name, months };
  }
  if (positions.code === undefined) return { error: { code: "missing-column", column: "indicator_code" } };
  if (positions.value === undefined) return { error: { code: "missing-column", column: "value" } };
  return { layout: "long", positions };
}
