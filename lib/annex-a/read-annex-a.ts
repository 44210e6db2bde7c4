// An Annex A workbook in; each list's rows, reduced to the columns the figures read, and the
// data-quality report out. Everything here lives in memory for one request: the report keeps rows,
// columns and kinds of problem, never a value from a child's row.
import { readXlsxSheets, type Cell } from "@/lib/annex-a/read-xlsx-sheets";
import { ID_COLUMN, LISTS, listNumberOfSheet, listSpec, matchHeadings, type ListSpec } from "@/lib/annex-a/list-columns";
import { cellKey, readCodeText, readCount, readDate, readId, type Problem } from "@/lib/annex-a/read-values";
import { ANNEX_A_LIMITS, MAX_LISTED_PROBLEMS } from "@/lib/annex-a/limits";
import type { Day } from "@/lib/annex-a/calendar";

/** One row of a list: its sheet row, its child, and the columns the figures read, as read. */
export type ListRow = { row: number; child: string; v: Record<string, Day | string | null> };

export type InvalidValue = { row: number; column: string; problem: Problem };
export type ListQuality = {
  list: number;
  sheet: string;
  /** Rows with anything in them under the header (blank rows are skipped, not read). */
  rowsRead: number;
  duplicatesDropped: number;
  /** Sheet rows left out for a blank Child Unique ID. */
  blankIds: number[];
  invalid: InvalidValue[];
  /** Invalid values found, including any past the listed ones. */
  invalidCount: number;
  missingColumns: string[];
};
export type WorkbookProblem = { list: number | null; sheet: string | null; message: string };
export type QualityReport = { lists: ListQuality[]; problems: WorkbookProblem[] };

export type ListData = { list: number; sheet: string; columns: Set<string>; rows: ListRow[] };
export type AnnexALists =
  | { ok: true; lists: Map<number, ListData>; quality: QualityReport }
  | { ok: false; code: "bad-xlsx" | "xlsx-inconsistent" | "xlsx-too-large" | "too-many-rows" | "too-many-columns" };

type Building = {
  spec: ListSpec;
  sheet: string;
  header: { id: number | null; columns: Map<string, number> } | null;
  rows: ListRow[];
  seen: Set<string>;
  quality: ListQuality;
};

export async function readAnnexA(bytes: Uint8Array): Promise<AnnexALists> {
  const building = new Map<number, Building>();
  const problems: WorkbookProblem[] = [];
  let date1904 = false;
  // date1904 is only known once workbook.xml is read, which readXlsxSheets does before any sheet.
  const result = await readXlsxSheets(
    bytes,
    ANNEX_A_LIMITS,
    (sheet) => {
      const list = listNumberOfSheet(sheet.name);
      const spec = list === null ? undefined : listSpec(list);
      if (list === null || !spec) return null;
      if (building.has(list)) {
        problems.push({
          list,
          sheet: sheet.name,
          message: `The sheet "${sheet.name}" is a second List ${list}: only the first, "${building.get(list)!.sheet}", is read`,
        });
        return null;
      }
      const b: Building = {
        spec,
        sheet: sheet.name,
        header: null,
        rows: [],
        seen: new Set(),
        quality: {
          list,
          sheet: sheet.name,
          rowsRead: 0,
          duplicatesDropped: 0,
          blankIds: [],
          invalid: [],
          invalidCount: 0,
          missingColumns: [],
        },
      };
      building.set(list, b);
      return (row, cells) => addRow(b, row, cells, date1904);
    },
    (d) => {
      date1904 = d;
    },
  );
  if (!result.ok) return result;

  const lists = new Map<number, ListData>();
  const quality: ListQuality[] = [];
  for (const spec of LISTS) {
    const b = building.get(spec.list);
    if (!b) {
      problems.push({ list: spec.list, sheet: null, message: `List ${spec.list} is missing` });
      continue;
    }
    quality.push(b.quality);
    if (!b.header || b.header.id === null) {
      problems.push({
        list: spec.list,
        sheet: b.sheet,
        message: `The first row of "${b.sheet}" is not a header naming a Child Unique ID column, so List ${spec.list} is not read`,
      });
      b.quality.missingColumns = [ID_COLUMN.name];
      continue;
    }
    lists.set(spec.list, { list: spec.list, sheet: b.sheet, columns: new Set(b.header.columns.keys()), rows: b.rows });
    b.seen.clear();
  }
  return { ok: true, lists, quality: { lists: quality, problems } };
}

function addRow(b: Building, row: number, cells: Cell[], date1904: boolean): void {
  if (row === 1 || b.header === null) {
    // Row 1 is the header; a sheet whose first row is something else is reported as a whole.
    if (b.header === null && row === 1) {
      const header = matchHeadings(
        b.spec,
        cells.map((c) => (c && c.t === "s" ? c.s : c && c.t === "n" ? String(c.n) : "")),
      );
      b.header = header;
      b.quality.missingColumns = b.spec.columns.filter((c) => !header.columns.has(c.key)).map((c) => c.name);
    } else if (b.header === null) {
      b.header = { id: null, columns: new Map() };
    }
    return;
  }
  if (b.header.id === null) return;
  if (cells.every((c) => c === null || (c.t === "s" && c.s.trim() === ""))) return; // a blank row
  b.quality.rowsRead++;

  const joined = cells.map((c) => cellKey(c, date1904)).join("\u0001");
  let end = joined.length;
  while (end > 0 && joined.charCodeAt(end - 1) === 1) end--; // trailing blank cells do not make a row different
  const key = joined.slice(0, end);
  if (b.seen.has(key)) {
    b.quality.duplicatesDropped++;
    return;
  }
  b.seen.add(key);

  const child = readId(cells[b.header.id] ?? null);
  if (child === null) {
    b.quality.blankIds.push(row);
    return;
  }

  const v: ListRow["v"] = {};
  for (const spec of b.spec.columns) {
    const at = b.header.columns.get(spec.key);
    if (at === undefined) continue;
    const cell = cells[at] ?? null;
    const problem = (p: Problem) => {
      b.quality.invalidCount++;
      if (b.quality.invalid.length < MAX_LISTED_PROBLEMS) b.quality.invalid.push({ row, column: spec.name, problem: p });
    };
    v[spec.key] =
      spec.kind === "date" ? readDate(cell, date1904, problem) : spec.kind === "count" ? readCount(cell, problem) : readCodeText(cell);
  }
  b.rows.push({ row, child, v });
}
