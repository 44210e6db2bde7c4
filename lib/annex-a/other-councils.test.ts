// "The sample's 28 figures match, and so would a workbook the project never saw, written by another
// council's system with its own quirks." Three checks that do not lean on the sample:
// 1. the same made-up council written plainly and written every other way a council's system writes
//    (shared strings, heading variants, text dates, code spellings, blank and duplicate rows, numeric
//    identifiers, each sheet-name style, extra columns, #N/A) gives the same 28 figures; invalid dates,
//    which do change the data, are reported where they are and leave out only the rows they are in;
// 2. a second, deliberately plain implementation of some of the figures, written from the spec's
//    words on exceljs's reading of the workbook (none of lib/annex-a), agrees with computeAnnexA;
// 3. a workbook laid out as Excel itself saves one (its styles, shared strings with rich text and
//    phonetic runs, built-in and custom date formats, date-times, formulas, the 1904 date system).
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { computeAnnexA, type AnnexAInput, type AnnexAResult } from "@/lib/annex-a/compute-annex-a";
import { computeFigures, type FigureResult } from "@/lib/annex-a/compute-figures";
import { readAnnexA, type ListData } from "@/lib/annex-a/read-annex-a";
import { workingDaysBetween } from "@/lib/deadlines/working-days";
import { writeAnnexAWorkbook, type AnnexAOptions, type AnnexAQuirks } from "@/scripts/annex-a/make-annex-a-workbook";
import { zipBytes } from "@/test/import-files";

const MONTH = "2020-03";
const E = "2020-03-31";
const POPULATION = { year: 2019, count: 50_000 };
// 13 months, from 1 March 2019: the least that every figure needs (March 2020's re-referrals look back to then).
const COUNCIL: AnnexAOptions = { month: MONTH, monthsCovered: 13, scale: 0.15, seed: 4242 };
const inputFor = (coversFrom: Date): Omit<AnnexAInput, "bytes"> => ({
  month: MONTH,
  asAt: E,
  coversFrom: coversFrom.toISOString().slice(0, 10),
  population: POPULATION,
});

type Written = Awaited<ReturnType<typeof writeAnnexAWorkbook>>;
/** Each workbook is written once however many tests read it. */
const once = <T>(make: () => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => (p ??= make());
};
const write = (quirks: AnnexAQuirks) => once(() => writeAnnexAWorkbook({ ...COUNCIL, quirks }));
const computed = (w: Written) => computeAnnexA({ bytes: w.buffer, ...inputFor(w.coversFrom) });
const ok = (r: AnnexAResult) => {
  if (!r.ok) throw new Error(r.error);
  return r;
};
const triples = (figures: FigureResult[]) =>
  Object.fromEntries(figures.map((f) => [f.code, { value: f.value, numerator: f.numerator, denominator: f.denominator }]));

const plain = write({});
const plainFigures = once(async () => ok(await computed(await plain())));

// Every quirk that changes how the lists are written and not what they say.
const EVERY: AnnexAQuirks = {
  sharedStrings: true,
  headerVariants: true,
  textDates: true,
  blankRows: true,
  duplicates: true,
  numericIds: true,
  extraColumns: true,
  na: true,
};
const WRITINGS: [string, AnnexAQuirks][] = [
  ["sheets List1, codes without prefixes, and every other quirk", { ...EVERY, sheetNames: "List1", codePrefixes: "without" }],
  [
    'sheets "List 1 - Contacts", codes in mixed spellings, and every other quirk',
    { ...EVERY, sheetNames: "List 1 - Contacts", codePrefixes: "mixed" },
  ],
  [
    "sheets L1, codes with prefixes, shared strings and text dates",
    { sheetNames: "L1", codePrefixes: "with", sharedStrings: true, textDates: true },
  ],
];

describe("the same council written another way gives the same 28 figures", () => {
  it("plainly: all 28 figures computed, no value invalid", async () => {
    const r = await plainFigures();
    expect(r.figures).toHaveLength(28);
    expect(r.figures.filter((f) => f.reason !== null).map((f) => `${f.code}: ${f.reason}`)).toEqual([]);
    expect(r.quality.lists.map((l) => l.invalidCount)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it.each(WRITINGS)("%s", async (_, quirks) => {
    const w = await writeAnnexAWorkbook({ ...COUNCIL, quirks });
    const r = ok(await computed(w));
    expect(triples(r.figures)).toEqual(triples((await plainFigures()).figures));

    // The quirks were there, and were read as what they are.
    expect(r.quality.problems).toEqual([]);
    for (const [i, q] of r.quality.lists.entries()) {
      const sheet = w.sheets[i];
      expect(q, sheet.name).toMatchObject({
        list: sheet.list,
        sheet: sheet.name,
        rowsRead: sheet.rows,
        blankIds: [],
        invalidCount: 0,
        missingColumns: [],
      });
      expect(q.duplicatesDropped, sheet.name).toBeGreaterThanOrEqual(sheet.duplicates);
    }
    // Each quirk asked for was written (one not asked for is not checked).
    const written = (what: "duplicates" | "blankRows") => w.sheets.reduce((n, s) => n + s[what], 0);
    expect(written("duplicates"), "duplicate rows").toSatisfy((n: number) => !quirks.duplicates || n > 10);
    expect(written("blankRows"), "blank rows").toSatisfy((n: number) => !quirks.blankRows || n > 3);
    expect(w.sheets[1].headers, "headers").toSatisfy((h: string[]) => !quirks.headerVariants || h.includes("Date of referral "));
  });
});

// ---------------------------------------------------------------------------------------------
// Invalid dates change the data, so they are checked against the plain workbook cell by cell.

type Value = Date | string | number | boolean | { error: string } | null;
/** A cell's text as a person reads it: an error shows its code (#N/A). */
const cellText = (v: Value): string => (v !== null && typeof v === "object" && !(v instanceof Date) ? v.error : String(v ?? ""));
type Sheet = { name: string; headers: string[]; rows: { n: number; cells: Value[] }[] };

/** A cell as exceljs gives it, reduced to what it shows: rich text joined, a formula's result. */
function plainValue(v: ExcelJS.CellValue | undefined): Value {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("error" in v) return { error: String(v.error) };
  if ("result" in v) return plainValue(v.result);
  if ("text" in v) return String(v.text);
  return null;
}

async function openWithExcelJS(bytes: Uint8Array): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((ws) => {
    const rows: Sheet["rows"] = [];
    ws.eachRow((row, n) => {
      rows.push({ n, cells: (row.values as ExcelJS.CellValue[]).slice(1).map(plainValue) });
    });
    const [header, ...data] = rows;
    return { name: ws.name, headers: (header?.cells ?? []).map(cellText), rows: data };
  });
}

const sameValue = (a: Value, b: Value) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : JSON.stringify(a) === JSON.stringify(b);

/** Each figure's list and the date columns it reads (the spec's table and rules). */
const DATES_READ: Record<string, [number, string[]]> = (() => {
  const contact = "Date of Contact",
    referral = "Date of Referral",
    aStart = "Continuous Assessment Start Date",
    auth = "Continuous Assessment Date of Authorisation";
  const strategy = "Strategy discussion initiating Section 47 Enquiry Start Date",
    icpc = "Date of Initial Child Protection Conference";
  const cin = ["CIN Start Date", "CIN Closure Date"],
    cp = ["Child Protection Plan Start Date", "Child Protection Plan End Date"],
    visit = "Date of the Last Statutory Visit";
  const cla = ["Date Started to be Looked After", "Date Ceased to be Looked After"],
    dob = "Date of Birth";
  return {
    CONTACTS: [1, [contact]],
    REFERRALS: [3, [referral]],
    REFERRALS_RATE_10K: [3, [referral]],
    REREFERRALS_12M_PCT: [3, [referral]],
    ASSESSMENTS_COMPLETED: [4, [auth]],
    ASSESS_45WD_PCT: [4, [aStart, auth]],
    S47_STARTED: [5, [strategy]],
    ICPC_HELD: [5, [icpc]],
    ICPC_15WD_PCT: [5, [strategy, icpc]],
    CIN_NEW: [6, [cin[0]]],
    CIN_OPEN: [6, cin],
    CIN_RATE_10K: [6, cin],
    CP_PLANS: [7, cp],
    CP_RATE_10K: [7, cp],
    CP_REPEAT_PCT: [7, [cp[0]]],
    CP_OPEN_2YRS_PCT: [7, cp],
    CP_VISITS_TIMELY_PCT: [7, [...cp, visit]],
    CLA_NUMBER: [8, cla],
    CLA_RATE_10K: [8, cla],
    CLA_STARTED: [8, [cla[0]]],
    SGO_GRANTED: [8, [cla[1]]],
    ADOPTIONS: [8, [cla[1]]],
    CLA_3PLUS_PLACEMENTS_PCT: [8, cla],
    CLA_LONGTERM_STABILITY_PCT: [8, [dob, ...cla, "Start Date of Most Recent Placement"]],
    CLA_HEALTH_ASSESS_PCT: [8, [dob, ...cla, "Date of Last Health Assessment"]],
    CARE_LEAVERS_IN_TOUCH_PCT: [9, [dob]],
    CARE_LEAVERS_EET_PCT: [9, [dob]],
    CARE_LEAVERS_SUITABLE_ACCOM_PCT: [9, [dob]],
  };
})();

/** The kind of problem the spec's examples are: "31/02/2020", "unknown", a two-digit year, a bare number. */
function problemOf(text: string): string {
  if (/^\d{1,2}\/\d{1,2}\/\d{2}$/.test(text)) return "two-digit-year";
  if (/^\d+$/.test(text)) return "number-not-date";
  if (/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(text)) return "not-a-real-date";
  return "not-a-date";
}

const invalid = write({ invalidDates: true });
const plainSheets = once(async () => openWithExcelJS((await plain()).buffer));
const invalidSheets = once(async () => openWithExcelJS((await invalid()).buffer));

describe("invalid dates", () => {
  it("are each reported with their list, row and column, and leave out only their rows, only from the figures that need that date", async () => {
    const [p, w, before, after] = await Promise.all([plain(), invalid(), plainSheets(), invalidSheets()]);

    // The cells the quirk changed: the same workbook otherwise, row for row.
    type Bad = { list: number; row: number; column: string; text: string };
    const bad: Bad[] = [];
    for (const [i, s] of after.entries()) {
      expect(s.headers).toEqual(before[i].headers);
      expect(s.rows.map((r) => r.n)).toEqual(before[i].rows.map((r) => r.n));
      for (const [j, row] of s.rows.entries()) {
        row.cells.forEach((v, c) => {
          if (sameValue(v, before[i].rows[j].cells[c] ?? null)) return;
          expect(typeof v, `${s.name} row ${row.n}`).toBe("string");
          bad.push({ list: w.sheets[i].list, row: row.n, column: s.headers[c], text: v as string });
        });
      }
    }
    expect(new Set(bad.map((b) => b.list)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(bad.map((b) => problemOf(b.text)))).toEqual(
      new Set(["two-digit-year", "number-not-date", "not-a-real-date", "not-a-date"]),
    );

    const result = ok(await computed(w));
    const byRow = (a: { row: number; column: string }, b: { row: number; column: string }) =>
      a.row - b.row || a.column.localeCompare(b.column);
    for (const q of result.quality.lists) {
      const mine = bad.filter((b) => b.list === q.list);
      // computeFigures adds "ends before start" problems of its own; these are the reading's.
      expect(q.invalid.filter((i) => i.problem !== "ends-before-start").sort(byRow), `List ${q.list}`).toEqual(
        mine.map((b) => ({ row: b.row, column: b.column, problem: problemOf(b.text) })).sort(byRow),
      );
    }

    // Each figure equals the plain workbook's with the rows left out that hold an invalid date the
    // figure reads. A row with an exact copy that kept its dates is not left out: in the plain
    // workbook the copy was the duplicate dropped; here the copy is read in its place.
    const read = await readAnnexA(new Uint8Array(p.buffer));
    if (!read.ok) throw new Error(read.code);
    const badRows = new Set(bad.map((b) => `${b.list}|${b.row}`));
    const contentOf = new Map(
      before.flatMap((s, i) =>
        s.rows.map((r) => [`${w.sheets[i].list}|${r.n}`, `${w.sheets[i].list}|${JSON.stringify(r.cells)}`] as const),
      ),
    );
    const validCopies = new Set([...contentOf].filter(([row]) => !badRows.has(row)).map(([, content]) => content));
    const hasValidTwin = (list: number, row: number) => validCopies.has(contentOf.get(`${list}|${row}`)!);
    const expected: Record<string, unknown> = {};
    const leftOut: Record<string, number> = {};
    for (const [code, [list, columns]] of Object.entries(DATES_READ)) {
      const out = new Set(bad.filter((b) => b.list === list && columns.includes(b.column) && !hasValidTwin(list, b.row)).map((b) => b.row));
      leftOut[code] = out.size;
      const lists = new Map<number, ListData>(
        [...read.lists].map(([n, l]) => [n, n === list ? { ...l, rows: l.rows.filter((r) => !out.has(r.row)) } : l]),
      );
      const { figures } = computeFigures({ ...inputFor(p.coversFrom), lists, quality: structuredClone(read.quality) });
      expected[code] = triples(figures)[code];
    }
    expect(Object.keys(expected)).toHaveLength(28);
    expect(triples(result.figures)).toEqual(expected);
    // Not a vacuous check: invalid dates fell in the rows of most lists' figures, and moved some.
    expect(Object.values(leftOut).filter((n) => n > 0).length).toBeGreaterThan(10);
    expect(triples(result.figures)).not.toEqual(triples((await plainFigures()).figures));
  });
});

// ---------------------------------------------------------------------------------------------
// A second implementation, from the spec's words, on exceljs's reading of the workbook. Deliberately
// plain: ISO date strings, arrays and sets, no lib/annex-a code (working days are lib/deadlines', the
// project's rule).

type Figure = { value: number | null; numerator: number; denominator: number | null };
const Second = (() => {
  const INVALID = "invalid";
  /** An ISO date, INVALID, or null for a blank. */
  type DateRead = string | null;

  const pad = (n: number) => String(n).padStart(2, "0");
  const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

  /** A date cell is its date; text is d/m/yyyy or yyyy-mm-dd of a real day; anything else is invalid; blank is blank. */
  function readDate(v: Value): DateRead {
    if (v === null) return null;
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (typeof v !== "string") return INVALID;
    const t = v.trim();
    if (t === "") return null;
    const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
    const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
    const [y, m, d] = dmy ? [+dmy[3], +dmy[2], +dmy[1]] : ymd ? [+ymd[1], +ymd[2], +ymd[3]] : [0, 0, 0];
    if (!dmy && !ymd) return INVALID;
    return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m) ? iso(y, m, d) : INVALID;
  }
  const isDate = (d: DateRead): d is string => d !== null && d !== INVALID;

  /** A code without Ofsted's letter prefix, in capitals ("a) Yes" -> "YES"); its first word ("F1"). */
  const code = (v: Value) =>
    typeof v === "string" || typeof v === "number"
      ? String(v)
          .trim()
          .replace(/^[a-z]\)\s*/i, "")
          .toUpperCase()
      : "";
  const word = (v: Value) => /^[A-Z0-9]+/.exec(code(v))?.[0] ?? "";

  /** "The same day N months before": that day in the earlier month, or its last day where shorter. */
  function monthsBefore(date: string, n: number): string {
    const [y, m, d] = date.split("-").map(Number);
    const index = y * 12 + m - 1 - n;
    const [yy, mm] = [Math.floor(index / 12), (index % 12) + 1];
    return iso(yy, mm, Math.min(d, lastDay(yy, mm)));
  }
  /** Whole years since birth; a 29 February birthday is reached on 1 March in other years. */
  function age(dob: string, on: string): number {
    const [by, bm, bd] = dob.split("-").map(Number);
    const [oy, om, od] = on.split("-").map(Number);
    const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const birthday = bm === 2 && bd === 29 && !leap(oy) ? "03-01" : `${pad(bm)}-${pad(bd)}`;
    return oy - by - (`${pad(om)}-${pad(od)}` < birthday ? 1 : 0);
  }
  const workingDays = (from: string, to: string) => workingDaysBetween(from, to);
  const percent = (numerator: number, denominator: number): Figure => ({
    value: denominator === 0 ? null : Math.round((numerator * 1000) / denominator) / 10,
    numerator,
    denominator,
  });
  const count = (n: number): Figure => ({ value: n, numerator: n, denominator: null });
  const rate = (n: number, population: number): Figure => ({
    value: Math.round((n * 100_000) / population) / 10,
    numerator: n,
    denominator: population,
  });

  type Row = { id: string; get: (column: string) => Value };
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

  /** A list's rows: its sheet found by the number after "List" or "L", columns by name (case, spacing, punctuation ignored), blank rows and blank IDs skipped, identical rows once. */
  function list(sheets: Sheet[], n: number): Row[] {
    const sheet = sheets.find((s) => Number(/^\s*(?:list|l)\s*0*(\d+)/i.exec(s.name)?.[1]) === n);
    if (!sheet) throw new Error(`no List ${n}`);
    const at = (column: string) => sheet.headers.findIndex((h) => squash(h) === squash(column));
    const idAt = at("Child Unique ID");
    const seen = new Set<string>();
    const rows: Row[] = [];
    for (const { cells } of sheet.rows) {
      const shown = cells.map((v) => {
        const d = readDate(v);
        return isDate(d) ? `date ${d}` : typeof v === "string" ? v.trim() : v === null ? "" : JSON.stringify(v);
      });
      while (shown.length && shown[shown.length - 1] === "") shown.pop();
      if (shown.length === 0) continue;
      const key = JSON.stringify(shown);
      if (seen.has(key)) continue;
      seen.add(key);
      const id = cells[idAt];
      if (cellText(id).trim() === "") continue;
      rows.push({
        id: cellText(id).trim(),
        get: (column) => {
          const i = at(column);
          if (i < 0) throw new Error(`List ${n} has no ${column}`);
          return cells[i] ?? null;
        },
      });
    }
    return rows;
  }

  /** Open at E: a valid start on or before E, and an end blank or valid and after E; each child's earliest-starting such row. */
  function openAtE(rows: Row[], start: string, end: string): Map<string, Row> {
    const open = new Map<string, Row>();
    for (const r of rows) {
      const s = readDate(r.get(start)),
        e = readDate(r.get(end));
      if (!isDate(s) || s > E || !(e === null || (isDate(e) && e > E))) continue;
      const held = open.get(r.id);
      if (!held || s < (readDate(held.get(start)) as string)) open.set(r.id, r);
    }
    return open;
  }
  const inMonth = (d: DateRead): d is string => isDate(d) && d >= "2020-03-01" && d <= E;

  function figures(sheets: Sheet[]): Record<string, Figure> {
    const out: Record<string, Figure> = {};

    const contacts = new Set(
      list(sheets, 1)
        .map((r) => [r.id, readDate(r.get("Date of Contact"))] as const)
        .filter(([, d]) => inMonth(d))
        .map(([id, d]) => `${id} ${d}`),
    );
    out.CONTACTS = count(contacts.size);

    const referrals = list(sheets, 3)
      .map((r) => ({ id: r.id, date: readDate(r.get("Date of Referral")) }))
      .filter((r): r is { id: string; date: string } => isDate(r.date));
    const month = [...new Map(referrals.filter((r) => inMonth(r.date)).map((r) => [`${r.id} ${r.date}`, r])).values()];
    out.REFERRALS = count(month.length);
    out.REREFERRALS_12M_PCT = percent(
      month.filter((m) => referrals.some((o) => o.id === m.id && o.date >= monthsBefore(m.date, 12) && o.date < m.date)).length,
      month.length,
    );

    // Of the month's (child, authorisation) pairs with a valid start (the earliest), those within 45 working days; one authorised before it started is left out.
    const timescale = (n: number, start: string, end: string, limit: number) => {
      const events = new Map<string, { end: string; starts: string[] }>();
      for (const r of list(sheets, n)) {
        const e = readDate(r.get(end));
        if (!inMonth(e)) continue;
        const event = events.get(`${r.id} ${e}`) ?? { end: e, starts: [] };
        const s = readDate(r.get(start));
        if (isDate(s)) event.starts.push(s);
        events.set(`${r.id} ${e}`, event);
      }
      const timed = [...events.values()]
        .filter((e) => e.starts.length > 0)
        .map((e) => ({ end: e.end, start: e.starts.sort()[0] }))
        .filter((e) => e.start <= e.end);
      return { events: events.size, figure: percent(timed.filter((e) => workingDays(e.start, e.end) <= limit).length, timed.length) };
    };
    const assessments = timescale(4, "Continuous Assessment Start Date", "Continuous Assessment Date of Authorisation", 45);
    out.ASSESSMENTS_COMPLETED = count(assessments.events);
    out.ASSESS_45WD_PCT = assessments.figure;
    out.ICPC_15WD_PCT = timescale(
      5,
      "Strategy discussion initiating Section 47 Enquiry Start Date",
      "Date of Initial Child Protection Conference",
      15,
    ).figure;

    out.CIN_OPEN = count(openAtE(list(sheets, 6), "CIN Start Date", "CIN Closure Date").size);
    out.CIN_RATE_10K = rate(out.CIN_OPEN.numerator, POPULATION.count);

    const plans = openAtE(list(sheets, 7), "Child Protection Plan Start Date", "Child Protection Plan End Date");
    out.CP_PLANS = count(plans.size);
    const visited = [...plans.values()].filter((r) => readDate(r.get("Date of the Last Statutory Visit")) !== INVALID);
    out.CP_VISITS_TIMELY_PCT = percent(
      visited.filter((r) => {
        const visit = readDate(r.get("Date of the Last Statutory Visit"));
        const start = readDate(r.get("Child Protection Plan Start Date")) as string;
        return (isDate(visit) && visit <= E && workingDays(visit, E) <= 15) || workingDays(start, E) <= 15;
      }).length,
      visited.length,
    );

    const lookedAfterRows = list(sheets, 8);
    const lookedAfter = openAtE(lookedAfterRows, "Date Started to be Looked After", "Date Ceased to be Looked After");
    out.CLA_NUMBER = count(lookedAfter.size);
    const forAYear = [...lookedAfter.values()].filter(
      (r) =>
        (readDate(r.get("Date Started to be Looked After")) as string) <= monthsBefore(E, 12) &&
        readDate(r.get("Date of Last Health Assessment")) !== INVALID &&
        isDate(readDate(r.get("Date of Birth"))),
    );
    out.CLA_HEALTH_ASSESS_PCT = percent(
      forAYear.filter((r) => {
        const health = readDate(r.get("Date of Last Health Assessment"));
        const months = age(readDate(r.get("Date of Birth")) as string, E) < 5 ? 6 : 12;
        return isDate(health) && health <= E && health >= monthsBefore(E, months);
      }).length,
      forAYear.length,
    );
    const ceased = (reasons: string[]) =>
      new Set(
        lookedAfterRows
          .filter(
            (r) =>
              inMonth(readDate(r.get("Date Ceased to be Looked After"))) &&
              reasons.includes(/\b(E\d+[A-Z]?)\b/.exec(code(r.get("Reason Ceased to be Looked After")))?.[1] ?? ""),
          )
          .map((r) => r.id),
      ).size;
    out.SGO_GRANTED = count(ceased(["E43", "E44", "E45", "E46", "E47", "E48"]));
    out.ADOPTIONS = count(ceased(["E11", "E12"]));

    const leavers = new Map<string, Row>();
    for (const r of list(sheets, 9)) {
      const dob = readDate(r.get("Date of Birth"));
      if (leavers.has(r.id) || !code(r.get("Eligibility Category")).startsWith("FORMER RELEVANT") || !isDate(dob)) continue;
      if (age(dob, E) >= 19 && age(dob, E) <= 21 && word(r.get("LA in Touch")) !== "DIED") leavers.set(r.id, r);
    }
    const group = [...leavers.values()];
    out.CARE_LEAVERS_IN_TOUCH_PCT = percent(group.filter((r) => ["YES", "Y"].includes(word(r.get("LA in Touch")))).length, group.length);
    out.CARE_LEAVERS_EET_PCT = percent(
      group.filter((r) => ["F1", "P1", "F2", "P2", "F3", "P3"].includes(word(r.get("Activity Status")))).length,
      group.length,
    );
    out.CARE_LEAVERS_SUITABLE_ACCOM_PCT = percent(
      group.filter((r) => word(r.get("Suitability of Accommodation")) === "SUITABLE").length,
      group.length,
    );
    return out;
  }
  return { readDate, monthsBefore, age, figures };
})();

describe("a second implementation from the spec's words agrees", () => {
  it("checks its own helpers at their edges", () => {
    expect(Second.monthsBefore("2020-03-31", 1)).toBe("2020-02-29");
    expect(Second.monthsBefore("2020-03-31", 13)).toBe("2019-02-28");
    expect(Second.monthsBefore("2020-03-31", 30)).toBe("2017-09-30");
    expect(Second.age("2004-02-29", "2021-02-28")).toBe(16);
    expect(Second.age("2004-02-29", "2021-03-01")).toBe(17);
    expect(Second.age("2004-02-29", "2020-02-29")).toBe(16);
    expect([Second.readDate("3/4/2020"), Second.readDate("31/02/2020"), Second.readDate("03/04/20"), Second.readDate(43924)]).toEqual([
      "2020-04-03",
      "invalid",
      "invalid",
      "invalid",
    ]);
  });

  const everyQuirk = once(async () => {
    const w = await writeAnnexAWorkbook({
      ...COUNCIL,
      scale: 0.3,
      seed: 9001,
      quirks: { ...EVERY, invalidDates: true, sheetNames: "L1", codePrefixes: "mixed" },
    });
    return { w, sheets: await openWithExcelJS(w.buffer) };
  });
  const cases: [string, () => Promise<{ w: Written; sheets: Sheet[] }>][] = [
    ["written plainly but for its invalid dates", async () => ({ w: await invalid(), sheets: await invalidSheets() })],
    ["twice the size, another seed, every quirk at once, invalid dates too (sheets L1, codes in mixed spellings)", everyQuirk],
  ];
  it.each(cases)("on a council %s", async (_, workbook) => {
    const { w, sheets } = await workbook();
    const result = await computed(w);
    const second = Second.figures(sheets);
    const lib = triples(ok(result).figures);
    expect(Object.keys(second).length).toBeGreaterThanOrEqual(15);
    expect(Object.fromEntries(Object.keys(second).map((code) => [code, lib[code]]))).toEqual(second);
    // Every group holds enough to mean something.
    for (const [code, f] of Object.entries(second).filter(([, f]) => f.denominator !== null && f.denominator !== POPULATION.count))
      expect(f.denominator, code).toBeGreaterThan(5);
  });
});

// ---------------------------------------------------------------------------------------------
// A workbook as Excel saves it, written part by part.

const serial = (isoDate: string, date1904: boolean, time = 0) =>
  (Date.parse(`${isoDate}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000 - (date1904 ? 1462 : 0) + time;
const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Styles as Excel writes them: cellXfs 1 is built-in 14, 2 custom dd/mm/yyyy, 3 a custom date-time, 4 a bold header with alignment, 5 a long date, 6 built-in 22 (date-time), 7 text (@), 8 "0". */
const STYLES =
  `${XML}<styleSheet ${NS} mc:Ignorable="x14ac x16r2 xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
  '<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy\\ hh:mm"/><numFmt numFmtId="166" formatCode="[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy"/></numFmts>' +
  '<fonts count="2" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="9"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" wrapText="1"/></xf>' +
  '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment horizontal="left"/></xf>' +
  '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="1"><dxf><numFmt numFmtId="167" formatCode="0.0"/></dxf></dxfs>' +
  '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>';

/** Shared strings: the ID heading in two rich-text runs, a heading with a trailing space kept, a text date with a phonetic run. */
const STRINGS = [
  "Child Unique ID",
  "Date of Contact ",
  "05/03/2020",
  "Notes & queries",
  "ZQ-01",
  "ZQ-02",
  "ZQ-03",
  "ZQ-04",
  "ZQ-05",
  "ZQ-06",
  "ZQ-08",
  "ZQ-09",
  "ZQ-10",
  "Read me first",
];
const sharedStringsXml = () =>
  `${XML}<sst ${NS} count="${STRINGS.length + 3}" uniqueCount="${STRINGS.length}">` +
  '<si><r><rPr><b/><sz val="11"/><color theme="1"/><rFont val="Calibri"/><family val="2"/><scheme val="minor"/></rPr><t xml:space="preserve">Child Unique </t></r><r><rPr><b/><sz val="11"/><rFont val="Calibri"/></rPr><t>ID</t></r></si>' +
  '<si><t xml:space="preserve">Date of Contact </t></si>' +
  '<si><t>05/03/2020</t><rPh sb="0" eb="2"><t>ゼロゴ</t></rPh><phoneticPr fontId="1"/></si>' +
  "<si><t>Notes &amp; queries</t></si>" +
  STRINGS.slice(4)
    .map((s) => `<si><t>${s}</t></si>`)
    .join("") +
  "</sst>";
const s = (text: string) => STRINGS.indexOf(text);

/** List 1 as Excel saves it, with the contacts each way a date reaches a cell. */
function list1Xml(date1904: boolean): string {
  const n = (ref: string, style: number, value: number) => `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
  const str = (ref: string, text: string, style?: number) =>
    `<c r="${ref}"${style === undefined ? "" : ` s="${style}"`} t="s"><v>${s(text)}</v></c>`;
  const row = (r: number, cells: string) => `<row r="${r}" spans="1:3" x14ac:dyDescent="0.35">${cells}</row>`;
  const d = (iso: string, time = 0) => serial(iso, date1904, time);
  const rows = [
    row(1, str("A1", "Child Unique ID", 4) + str("B1", "Date of Contact ", 4) + str("C1", "Notes & queries", 4)),
    row(2, str("A2", "ZQ-01") + n("B2", 1, d("2020-03-02"))), // built-in 14: counted
    row(3, str("A3", "ZQ-02") + n("B3", 2, d("2020-03-31"))), // custom dd/mm/yyyy: counted
    row(4, str("A4", "ZQ-03") + n("B4", 3, d("2020-03-31", 0.99))), // a date-time at 23:45 on 31 March: counted
    row(5, str("A5", "ZQ-04") + n("B5", 3, d("2020-04-01", 0.25))), // 1 April, 6 a.m.: not
    row(6, str("A6", "ZQ-05") + n("B6", 6, d("2020-03-20", 0.75))), // built-in 22 (m/d/yy h:mm), 6 p.m. on 20 March: counted
    row(7, str("A7", "ZQ-06") + str("B7", "05/03/2020")), // text date with a phonetic run: counted
    row(8, n("A8", 8, 445056) + n("B8", 5, d("2020-03-10"))), // numeric identifier; a long date format: counted
    row(9, str("A9", "ZQ-08") + n("B9", 0, d("2020-03-11"))), // a number without a date format: invalid
    row(10, str("A10", "ZQ-09") + `<c r="B10" s="2"><f>DATE(2020,3,12)</f><v>${d("2020-03-12")}</v></c>`), // a formula's cached date: counted
    row(11, str("A11", "ZQ-01") + n("B11", 2, d("2020-03-02"))), // row 2 again in another date format: a duplicate
    row(
      12,
      str("A12", "ZQ-10", 7) + `<c r="B12" t="str"><f>TEXT(DATE(2020,3,13),"dd/mm/yyyy")</f><v>13/03/2020</v></c>` + '<c r="C12" s="4"/>',
    ), // a formula's text: counted
    '<row r="13" spans="1:3" s="2" customFormat="1" x14ac:dyDescent="0.35"><c r="A13" s="2"/><c r="B13" s="2"/></row>', // formatted, empty
  ];
  return (
    `${XML}<worksheet ${NS} mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xr:uid="{00000000-0001-0000-0000-000000000000}">` +
    '<dimension ref="A1:C13"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="B14" sqref="B14"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="14.5" x14ac:dyDescent="0.35"/><cols><col min="1" max="1" width="14.6328125" customWidth="1"/><col min="2" max="2" width="16" style="2" customWidth="1"/></cols>' +
    `<sheetData>${rows.join("")}</sheetData><autoFilter ref="A1:C12"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}
const notesXml = `${XML}<worksheet ${NS}><dimension ref="A1"/><sheetData><row r="1"><c r="A1" t="s"><v>${s("Read me first")}</v></c></row></sheetData></worksheet>`;

function excelWorkbook({ date1904, stylesFirst }: { date1904: boolean; stylesFirst: boolean }): Uint8Array {
  const enc = (text: string) => new TextEncoder().encode(text);
  const workbook =
    `${XML}<workbook ${NS} mc:Ignorable="x15 xr xr6 xr10 xr2"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27425"/>` +
    `<workbookPr${date1904 ? ' date1904="1"' : ""} defaultThemeVersion="166925"/><bookViews><workbookView xWindow="-110" yWindow="-110" windowWidth="19420" windowHeight="10420" activeTab="1"/></bookViews>` +
    '<sheets><sheet name="Notes" sheetId="3" r:id="rId2"/><sheet name="List 1" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">\'List 1\'!$A$1:$C$12</definedName></definedNames><calcPr calcId="191029"/></workbook>';
  const rels =
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="${REL}/theme" Target="theme/theme1.xml"/>` +
    `<Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
    `<Relationship Id="rId5" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
  const head = [
    {
      name: "[Content_Types].xml",
      data: enc(
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: enc(
        `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    { name: "xl/workbook.xml", data: enc(workbook) },
    { name: "xl/_rels/workbook.xml.rels", data: enc(rels) },
  ];
  const sheets = [
    { name: "xl/worksheets/sheet1.xml", data: enc(list1Xml(date1904)) },
    { name: "xl/worksheets/sheet2.xml", data: enc(notesXml) },
  ];
  const lookups = [
    {
      name: "xl/theme/theme1.xml",
      data: enc(
        `${XML}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements/></a:theme>`,
      ),
    },
    { name: "xl/styles.xml", data: enc(STYLES) },
    { name: "xl/sharedStrings.xml", data: enc(sharedStringsXml()) },
  ];
  // Excel itself writes the sheets first, then the theme, styles and shared strings; other tools the other way round.
  return zipBytes([...head, ...(stylesFirst ? [...lookups, ...sheets] : [...sheets, ...lookups])]);
}

describe("a workbook laid out as Excel saves it", () => {
  it("is a workbook exceljs reads the same way (the fixture is sound)", async () => {
    const [notes, list1] = await openWithExcelJS(excelWorkbook({ date1904: false, stylesFirst: false }));
    expect([notes.name, list1.name]).toEqual(["Notes", "List 1"]);
    expect(list1.headers).toEqual(["Child Unique ID", "Date of Contact ", "Notes & queries"]);
    expect(list1.rows.find((r) => r.n === 4)!.cells[1]).toEqual(new Date("2020-03-31T23:45:36Z"));
    expect(list1.rows.find((r) => r.n === 8)!.cells).toEqual([445056, new Date("2020-03-10T00:00:00Z")]);
  });

  it.each([
    { date1904: false, stylesFirst: false },
    { date1904: false, stylesFirst: true },
    { date1904: true, stylesFirst: false },
    { date1904: true, stylesFirst: true },
  ])(
    "reads built-in and custom date formats, date-times, rich and phonetic shared strings and formulas (1904 dates: $date1904, styles before sheets: $stylesFirst)",
    async (layout) => {
      const result = ok(
        await computeAnnexA({ bytes: excelWorkbook(layout), month: MONTH, asAt: E, coversFrom: "2019-03-01", population: POPULATION }),
      );
      // ZQ-01 (2 March, twice), ZQ-02, ZQ-03 (31 March, one at 23:45: its date, not the nearest), ZQ-05, ZQ-06 (text), 445056, ZQ-09 (formula), ZQ-10 (formula text).
      expect(result.figures.find((f) => f.code === "CONTACTS")).toMatchObject({ value: 8, numerator: 8 });
      const list1 = result.quality.lists.find((l) => l.list === 1)!;
      expect(list1).toMatchObject({
        sheet: "List 1",
        rowsRead: 11,
        duplicatesDropped: 1,
        blankIds: [],
        invalidCount: 1,
        missingColumns: [],
      });
      expect(list1.invalid).toEqual([{ row: 9, column: "Date of Contact", problem: "number-not-date" }]);
      expect(result.quality.problems.filter((p) => p.list === 1)).toEqual([]);
    },
  );
});
