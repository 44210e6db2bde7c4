// The import's validator: the parsed rows, the catalogue and the month's stored values in; a preview
// out, each row new, changed, unchanged or in error with messages naming the row and column. Pure.
import type { FileError } from "@/lib/import/file-errors";
import type { ImportTable, ImportColumn, RawRow } from "@/lib/import/import-table";
import type { ExistingValue, ImportPreview, PreviewIndicator, PreviewRow, RowError, ValueState } from "@/lib/import/import-preview";
import { parseMonth } from "@/lib/import/parse-month";
import { checkValue, MAX_NOTE_LENGTH, MAX_REASON_LENGTH } from "@/lib/values/validate-value";
import { formatMonth } from "@/lib/format/dates";

export type CatalogueEntry = PreviewIndicator & { active: boolean };

export type ValidationInput = {
  table: ImportTable;
  month: string;
  /** Keyed by upper-case code. */
  catalogue: Map<string, CatalogueEntry>;
  /** The month's stored values, keyed by indicator id. */
  existing: Map<string, ExistingValue>;
};

/** Written in the value cell to mean "no figure this month"; the note then gives the reason. */
const NOT_AVAILABLE = new Set(["", "n/a", "na", "not available"]);
const COLUMN_ORDER: ImportColumn[] = ["code", "name", "period", "value", "note"];

export function validateImportRows({
  table,
  month,
  catalogue,
  existing,
}: ValidationInput): { ok: true; preview: ImportPreview } | { ok: false; error: FileError } {
  const header = (c: ImportColumn) => table.headers[c] ?? c;
  const rows: PreviewRow[] = [];
  const otherMonths = new Map<string, number>();
  const byName = namesOf(catalogue);

  for (const raw of table.rows) {
    const errors: RowError[] = [];
    // A wide file's value sits under its month's heading: that is the column the person looks for.
    const columnOf = (c: ImportColumn) => (c === "value" && raw.valueHeader ? raw.valueHeader : header(c));
    const fail = (column: ImportColumn, reason: string) =>
      errors.push({ row: raw.row, column: columnOf(column), message: `Row ${raw.row}, column ${columnOf(column)}: ${reason}` });
    for (const p of raw.problems) fail(p.column, p.reason);

    if (raw.period !== null && !raw.problems.some((p) => p.column === "period")) {
      const rowMonth = parseMonth(raw.period);
      if (raw.period === "") fail("period", `enter the month, for example ${month}`);
      else if (!rowMonth) fail("period", `"${short(raw.period)}" is not a month: write it as YYYY-MM, for example ${month}`);
      else if (rowMonth !== month) {
        otherMonths.set(rowMonth, (otherMonths.get(rowMonth) ?? 0) + 1);
        continue;
      }
    }

    const entry = raw.code !== "" ? catalogue.get(raw.code.toUpperCase()) : raw.name ? findByName(byName, raw.name, fail) : undefined;
    if (raw.code === "" && raw.name === undefined) fail("code", "enter an indicator code");
    else if (raw.code === "" && raw.name === "") fail("name", "enter the indicator's code or its name");
    else if (!entry && raw.code !== "") fail("code", `"${short(raw.code)}" is not an indicator code in the catalogue`);
    else if (entry && !entry.active) fail(raw.code !== "" ? "code" : "name", `${entry.code} is retired, so it takes no new values`);

    const next = entry?.active ? readValue(raw, entry, fail) : null;
    const indicator = entry ? { id: entry.id, code: entry.code, name: entry.name, unit: entry.unit, decimals: entry.decimals } : null;
    rows.push({
      row: raw.row,
      raw,
      status: "error",
      indicator,
      next,
      previous: indicator ? (existing.get(indicator.id) ?? null) : null,
      errors,
    });
  }

  if (rows.length === 0 && otherMonths.size > 0)
    return { ok: false, error: { code: "no-rows-for-month", month, otherMonths: [...otherMonths.keys()].sort() } };
  markDuplicates(rows, month, header("code"), header("period"));

  const counts = { new: 0, changed: 0, unchanged: 0, error: 0 };
  for (const row of rows) {
    row.errors.sort((a, b) => columnRank(a.column, table) - columnRank(b.column, table));
    row.status =
      row.errors.length > 0 || !row.next ? "error" : !row.previous ? "new" : isSame(row.previous, row.next) ? "unchanged" : "changed";
    counts[row.status] += 1;
  }
  const skippedMonths = [...otherMonths.keys()].sort();
  return {
    ok: true,
    preview: {
      version: 1,
      month,
      kind: table.kind,
      layout: table.layout ?? "long",
      ...(table.encoding ? { encoding: table.encoding } : {}),
      headers: table.headers,
      rows,
      counts,
      skipped: { rows: [...otherMonths.values()].reduce((a, b) => a + b, 0), months: skippedMonths },
      errors: rows.flatMap((r) => r.errors),
    },
  };
}

type NameIndex = Map<string, CatalogueEntry[]>;

/** Catalogue names as written, trimmed: a name is only a match when exactly one indicator has it. */
function namesOf(catalogue: Map<string, CatalogueEntry>): NameIndex {
  const index: NameIndex = new Map();
  for (const entry of catalogue.values()) {
    const key = entry.name.trim();
    index.set(key, [...(index.get(key) ?? []), entry]);
  }
  return index;
}

function findByName(index: NameIndex, name: string, fail: (c: ImportColumn, reason: string) => void): CatalogueEntry | undefined {
  const found = index.get(name.trim()) ?? [];
  if (found.length === 1) return found[0];
  if (found.length === 0)
    fail(
      "name",
      `"${short(name)}" is not the name of an indicator in the catalogue (names must match exactly; or give the indicator_code)`,
    );
  else
    fail(
      "name",
      `"${short(name)}" is the name of ${found.length} indicators (${found.map((e) => e.code).join(", ")}): give the indicator_code instead`,
    );
  return undefined;
}

function readValue(raw: RawRow, entry: CatalogueEntry, fail: (c: ImportColumn, reason: string) => void): ValueState | null {
  const note = raw.note === null ? undefined : raw.note === "" ? null : raw.note;
  if (raw.problems.some((p) => p.column === "value")) return null;
  if (NOT_AVAILABLE.has(raw.value.toLowerCase())) {
    if (!note) {
      fail(
        "value",
        raw.note === null
          ? `enter a value for ${entry.code} (to mark it not available, leave the value empty and give the reason in a note column)`
          : `enter a value for ${entry.code}, or give the reason it is not available in the note column`,
      );
      return null;
    }
    if (note.length > MAX_REASON_LENGTH) {
      fail("note", `the reason ${entry.code} is not available must be ${MAX_REASON_LENGTH} characters or fewer (it has ${note.length})`);
      return null;
    }
    // The note becomes the reason; the value's own note is left alone.
    return { value: null, notAvailableReason: note };
  }
  const checked = checkValue(raw.value, entry);
  if (!checked.ok) {
    fail("value", describeValueProblem(entry.code, checked.reason));
    return null;
  }
  if (note && note.length > MAX_NOTE_LENGTH) {
    fail("note", `the note must be ${MAX_NOTE_LENGTH} characters or fewer (it has ${note.length})`);
    return null;
  }
  return { value: checked.value, notAvailableReason: null, note };
}

/** checkValue's reasons, made to read after "Row 7, column value:". */
function describeValueProblem(code: string, reason: string): string {
  if (reason.startsWith("a percentage must")) return `the value for ${code} is a percentage, so ${reason.slice("a percentage ".length)}`;
  if (/^(must|has) /.test(reason)) return `the value for ${code} ${reason}`;
  return reason;
}

function markDuplicates(rows: PreviewRow[], month: string, codeHeader: string, periodHeader: string): void {
  const monthName = formatMonth(month);
  const groups = new Map<string, PreviewRow[]>();
  for (const row of rows) {
    const key = row.indicator?.id ?? row.raw.code.toUpperCase();
    // A row whose month could not be read may not be for this month at all: its own error says so.
    if (!key || row.errors.some((e) => e.column === periodHeader)) continue;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const list = listRows(group.map((r) => r.row));
    const code = group[0].indicator?.code ?? group[0].raw.code;
    const reason = `${short(code)} appears ${group.length === 2 ? "twice" : `${group.length} times`} for ${monthName} (rows ${list})`;
    for (const row of group) {
      row.errors.push({ row: row.row, column: codeHeader, message: `Row ${row.row}, column ${codeHeader}: ${reason}` });
    }
  }
}

/** "4 and 9", "3, 5 and 6"; a long list names the first few (a file of one code 40,000 times must not make 40,000 lists of 40,000). */
function listRows(numbers: number[]): string {
  const SHOWN = 5;
  if (numbers.length > SHOWN + 1)
    return `${numbers.slice(0, SHOWN).join(", ")} and ${(numbers.length - SHOWN).toLocaleString("en-GB")} more`;
  return `${numbers.slice(0, -1).join(", ")} and ${numbers[numbers.length - 1]}`;
}

export function isSame(previous: ExistingValue, next: ValueState): boolean {
  return (
    previous.value === next.value &&
    previous.notAvailableReason === next.notAvailableReason &&
    (next.note === undefined || previous.note === next.note)
  );
}

const columnRank = (column: string, table: ImportTable) => COLUMN_ORDER.findIndex((c) => (table.headers[c] ?? c) === column);
const short = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}...` : s);
