// Synthetic Ofsted "Annex A" workbooks (the layout of specs/annex-a-figures.md) for tests and the
// benchmark: a made-up council's lists, written a row at a time with exceljs's streaming writer so a
// large workbook never sits in memory as a model, with the quirks real extracts have when asked.
// Deterministic from the seed; no real person's data (every identifier and date is drawn).
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { LISTS, LIST_NUMBERS, SPEC_HEADERS, Shared, type Column, type Council, type ListDef, type Value } from "./annex-a-lists";
import { between, dateOf, spanOf, streamRng, type Code, type Day, type Rng } from "./synthetic-council";
import { isMonth } from "@/lib/validation/month";

export type AnnexAQuirks = {
  /** Strings in a shared table, as Excel writes them (default: inline, as most exporters do). */
  sharedStrings?: boolean;
  /** Headers in other case and spacing, a trailing space, "Age of Child (Years)" for Age. */
  headerVariants?: boolean;
  /** About 1 date in 8 as text: "3/4/2020", "03/04/2020" or "2020-04-03". */
  textDates?: boolean;
  /** Codes with Ofsted's letter or the code's label ("a) Yes", "F1: Full time in higher education"; the default), without ("Yes", "F1"), or a mix of spellings. */
  codePrefixes?: "with" | "without" | "mixed";
  /** About 1 row in 300 left blank. */
  blankRows?: boolean;
  /** About 1 row in 100 written again, a few rows later. */
  duplicates?: boolean;
  /** About 1 date in 250 unreadable: "31/02/2020", "unknown", a two-digit year, a bare number. */
  invalidDates?: boolean;
  /** Child Unique ID as a number cell rather than text. */
  numericIds?: boolean;
  /** How the sheets are named (default "List 1"). */
  sheetNames?: "List 1" | "List1" | "L1" | "List 1 - Contacts";
  /** The other columns of a full extract (Gender, Ethnicity, Age, Contact Source, Allocated Team...). */
  extraColumns?: boolean;
  /** Excel's #N/A error in some cells of the columns the figures do not read (so only with extraColumns). */
  na?: boolean;
};

export type AnnexAOptions = {
  /** YYYY-MM: the month M; the lists are as at its last day. */
  month: string;
  /** How many months the event lists cover, ending with M (e.g. 18). */
  monthsCovered: number;
  /** 1 = about 1,750 contacts a month, as the sample. */
  scale: number;
  seed?: number;
  quirks?: AnnexAQuirks;
  /** Which lists to include (default 1, 3, 4, 5, 6, 7, 8, 9). */
  lists?: number[];
};

export type AnnexASheet = { list: number; name: string; headers: string[]; rows: number; duplicates: number; blankRows: number };

export async function makeAnnexAWorkbook(opts: AnnexAOptions): Promise<Buffer> {
  return (await writeAnnexAWorkbook(opts)).buffer;
}

/** The workbook and what went into each sheet (data rows written, duplicates among them, blank rows). */
export async function writeAnnexAWorkbook(
  opts: AnnexAOptions,
): Promise<{ buffer: Buffer; sheets: AnnexASheet[]; coversFrom: Date; asAt: Date }> {
  const { month, monthsCovered, scale, seed = 1, quirks = {} } = opts;
  if (!isMonth(month)) throw new Error(`month must be YYYY-MM, not ${JSON.stringify(month)}`);
  if (!Number.isInteger(monthsCovered) || monthsCovered < 1 || monthsCovered > 120)
    throw new Error("monthsCovered must be a whole number from 1 to 120");
  if (!(scale > 0 && scale <= 100)) throw new Error("scale must be more than 0 and at most 100");
  const lists = opts.lists ?? LIST_NUMBERS;
  const unknown = lists.filter((l) => !LIST_NUMBERS.includes(l));
  if (unknown.length) throw new Error(`no such list: ${unknown.join(", ")} (the lists are ${LIST_NUMBERS.join(", ")})`);

  const council: Council = { span: spanOf(month, monthsCovered), scale, seed };
  const shared = new Shared(council);
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: Boolean(quirks.sharedStrings) });
  // Fixed document dates, so that the same seed gives the same content.
  workbook.created = workbook.modified = dateOf(council.span.asAt);
  workbook.creator = workbook.lastModifiedBy = "Synthetic Annex A generator";

  const sheets: AnnexASheet[] = [];
  for (const def of LISTS.filter((l) => lists.includes(l.list))) sheets.push(await writeList(workbook, def, council, shared, seed, quirks));
  await workbook.commit();
  await ended;
  return { buffer: Buffer.concat(chunks), sheets, coversFrom: dateOf(council.span.coverFrom), asAt: dateOf(council.span.asAt) };
}

const SHEET_TITLES: Record<number, string> = {
  1: "Contacts",
  3: "Referrals",
  4: "Assessments",
  5: "Section 47",
  6: "Children in need",
  7: "Child protection",
  8: "Children looked after",
  9: "Care leavers",
};

export function sheetName(list: number, style: AnnexAQuirks["sheetNames"] = "List 1"): string {
  if (style === "List1") return `List${list}`;
  if (style === "L1") return `L${list}`;
  if (style === "List 1 - Contacts") return `List ${list} - ${SHEET_TITLES[list]}`;
  return `List ${list}`;
}

/** The list's columns: the spec's alone and in its order, or a full extract's. */
export function columnsOf<R>(def: ListDef<R>, quirks: AnnexAQuirks): Column<R>[] {
  if (quirks.extraColumns) return def.columns;
  const order = SPEC_HEADERS[def.list];
  return def.columns.filter((c) => !c.extra).sort((a, b) => order.indexOf(a.header) - order.indexOf(b.header));
}

type Rngs = Record<"headers" | "dates" | "invalid" | "codes" | "duplicates" | "blank" | "na", Rng>;

async function writeList<R>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  def: ListDef<R>,
  council: Council,
  shared: Shared,
  seed: number,
  quirks: AnnexAQuirks,
): Promise<AnnexASheet> {
  // A generator of its own for each quirk: turning one on never changes what another does.
  const rng = Object.fromEntries(
    (["headers", "dates", "invalid", "codes", "duplicates", "blank", "na"] as const).map((k) => [k, streamRng(seed, `${k} ${def.list}`)]),
  ) as Rngs;
  const name = sheetName(def.list, quirks.sheetNames);
  const sheet = workbook.addWorksheet(name);
  const columns = columnsOf(def, quirks);
  sheet.columns = columns.map((c) => ({
    width: c.kind === "date" ? 12 : Math.min(30, Math.max(10, c.header.length * 0.8)),
    ...(c.kind === "date" ? { style: { numFmt: "dd/mm/yyyy" } } : {}),
  }));
  const headers = columns.map((c) => (quirks.headerVariants ? varyHeader(def.list, c.header, rng.headers) : c.header));
  sheet.addRow(headers).commit();

  const result: AnnexASheet = { list: def.list, name, headers, rows: 0, duplicates: 0, blankRows: 0 };
  const later: { due: number; cells: ExcelJS.CellValue[] }[] = [];
  const write = (cells: ExcelJS.CellValue[]) => {
    sheet.addRow(cells).commit();
    result.rows++;
  };
  for (const record of def.records(council, shared)) {
    const cells = columns.map((c) => renderCell(c, c.get(record, council), quirks, rng));
    write(cells);
    if (quirks.duplicates && rng.duplicates() < 0.01) later.push({ due: result.rows + between(rng.duplicates, 0, 40), cells });
    while (later.length && later[0].due <= result.rows) {
      write(later.shift()!.cells);
      result.duplicates++;
    }
    if (quirks.blankRows && rng.blank() < 1 / 300) {
      sheet.addRow([]).commit();
      result.blankRows++;
    }
    // Let the zip stream take what is written so far, so a long sheet's XML does not pile up.
    if (result.rows % 2000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  for (const { cells } of later) {
    write(cells);
    result.duplicates++;
  }
  sheet.commit();
  return result;
}

function renderCell<R>(column: Column<R>, value: Value, quirks: AnnexAQuirks, rng: Rngs): ExcelJS.CellValue {
  if (quirks.na && column.extra && column.kind !== "date" && rng.na() < (column.header === "Allocated Worker" ? 0.08 : 0.005))
    return { error: "#N/A" };
  if (value === null) return null;
  switch (column.kind) {
    case "id":
      return quirks.numericIds ? (value as number) : `${value as number | string}`;
    case "date":
      return renderDate(value as Day, quirks, rng);
    case "code":
      return renderCode(value as Code, quirks.codePrefixes ?? "with", rng.codes);
    default:
      return value as string | number;
  }
}

const pad = (n: number) => String(n).padStart(2, "0");

function renderDate(day: Day, quirks: AnnexAQuirks, rng: Rngs): ExcelJS.CellValue {
  const date = dateOf(day);
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  if (quirks.invalidDates && rng.invalid() < 0.004) {
    const invalid = [
      `31/02/${y}`,
      "unknown",
      `${pad(d)}/${pad(m)}/${pad(y % 100)}`,
      String(day + 25569),
      `${pad(d)}.${pad(m)}.${y}`,
      "TBC",
    ];
    return invalid[Math.floor(rng.invalid() * invalid.length)];
  }
  if (quirks.textDates && rng.dates() < 0.12) {
    const text = [`${d}/${m}/${y}`, `${pad(d)}/${pad(m)}/${y}`, `${y}-${pad(m)}-${pad(d)}`];
    return text[Math.floor(rng.dates() * text.length)];
  }
  return date;
}

/** "a) Yes" / "Yes" (or "Y", "yes"); "F1: Full time in higher education" / "F1" (or "F1 - Full time..."). */
export function renderCode(code: Code, style: NonNullable<AnnexAQuirks["codePrefixes"]>, rng: Rng): string {
  const prefixed = code.letter ? `${code.letter}) ${code.label}` : code.code ? `${code.code}: ${code.label}` : code.label;
  const bare = code.code ?? code.label;
  if (style === "with") return prefixed;
  if (style === "without") return bare;
  const forms = [
    prefixed,
    bare,
    ...(code.code ? [`${code.code} - ${code.label}`] : []),
    ...(code.short ? [code.short, code.label.toLowerCase()] : []),
  ];
  return forms[Math.floor(rng() * forms.length)];
}

/** Headers as councils' systems spell them: same words, other case and spacing. */
function varyHeader(list: number, header: string, rng: Rng): string {
  const roll = rng();
  if (header === "Child Unique ID" && list === 1) return "CHILD UNIQUE ID";
  if (header === "Date of Referral") return "Date of referral ";
  if (header === "Age") return "Age of Child (Years)";
  if (roll < 0.4) return header;
  if (roll < 0.5) return header.toUpperCase();
  if (roll < 0.6) return header.toLowerCase();
  if (roll < 0.75) return `${header} `;
  if (roll < 0.85) return header.replace(" ", "  ");
  return header.charAt(0) + header.slice(1).toLowerCase();
}
