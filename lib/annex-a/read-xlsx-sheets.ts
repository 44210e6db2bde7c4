// Reads every sheet of an XLSX workbook a row at a time, straight from the zip in memory: the Annex A
// lists and the figures import (lib/import/read-xlsx.ts) both read through it. Written because
// exceljs's streaming reader parks each sheet in a temporary file whenever the workbook's shared
// strings or styles come after the sheets in the zip (they do in many exports), and a child's case
// list must never touch the disk; it also depends on the order of the zip's parts, and fails now and
// then when it meets a sheet before the workbook part (exceljs issue 3064). Here nothing is written
// anywhere and the order of the parts does not matter: each sheet is inflated a chunk at a time, its
// complete rows are read and handed on, and the XML is let go. What is held at once is bounded too: a
// row or a shared string (MAX_XML_PIECE), a part read whole (MAX_WHOLE_PART), so a small file that
// unpacks to hundreds of megabytes of whitespace is refused rather than held (one of 205 KB took
// 3.7 GB and 5 minutes before).
import { createInflateRaw, inflateRawSync } from "node:zlib";
import { readZipDirectory, zipPartData, type ZipPart } from "@/lib/import/inspect-xlsx-zip";

/**
 * A cell as Excel stored it. `date` marks a number shown with a date format (a date cell), `percent`
 * one shown as a percentage (58.1% is stored as 0.581).
 */
export type Cell =
  { t: "n"; n: number; date: boolean; percent?: boolean } | { t: "s"; s: string } | { t: "b"; b: boolean } | { t: "e"; e: string } | null;

export type SheetInfo = { name: string; position: number };
/**
 * Receives one row: its sheet row number (1 is the first), its cells by column (0 is A), and the
 * columns whose cell is a formula with no saved result (the cell itself is then null).
 */
export type RowSink = (row: number, cells: Cell[], unsaved: readonly number[]) => void;
export type SheetsRead =
  | { ok: true; date1904: boolean }
  | { ok: false; code: "bad-xlsx" | "xlsx-inconsistent" | "xlsx-too-large" | "too-many-rows" | "too-many-columns" };
export type SheetLimits = { unpackedBytes: number; maxRows: number; maxColumns: number; maxEntries: number };
type Problem = Exclude<SheetsRead, { ok: true }>["code"];
type Whole = { xml: string } | { problem: Problem };

/** The most XML held at once while a part is read in pieces (characters): a row, a shared string, or the sheet's head. */
export const MAX_XML_PIECE = 4 * 1024 * 1024;
/** What a part read whole (the workbook, its relationships, the styles) may unpack to. */
export const MAX_WHOLE_PART = 32 * 1024 * 1024;
/** Parts are inflated this much at a time. */
const CHUNK = 1024 * 1024;

/**
 * Calls `visit` for each sheet in tab order; a sheet whose visit returns a sink has its rows read
 * into it, the others are skipped unread. A part that inflates past the size it claims, or a sheet
 * over the row or column cap, stops the read with a code.
 */
export async function readXlsxSheets(
  bytes: Uint8Array,
  limits: SheetLimits,
  visit: (sheet: SheetInfo) => RowSink | null,
  onWorkbook?: (date1904: boolean) => void,
): Promise<SheetsRead> {
  const directory = readZipDirectory(bytes, limits.unpackedBytes, limits.maxEntries);
  if (!directory.ok) return directory;
  const parts = new Map(directory.parts.map((p) => [p.name, p]));
  /** A part's XML whole: "" when the workbook has no such part, a problem when it cannot be read. */
  const small = (name: string): Whole => {
    const part = parts.get(name);
    if (!part) return { xml: "" };
    const read = inflateWhole(bytes, part);
    return "xml" in read ? { xml: prefixDropper(read.xml)(read.xml) } : read;
  };

  if (!parts.has("xl/workbook.xml")) return { ok: false, code: "bad-xlsx" };
  const workbookPart = small("xl/workbook.xml");
  if ("problem" in workbookPart) return { ok: false, code: workbookPart.problem };
  const workbook = workbookPart.xml;
  const relsPart = small("xl/_rels/workbook.xml.rels");
  if ("problem" in relsPart) return { ok: false, code: relsPart.problem };
  const rels = relationships(relsPart.xml);
  const sharedStringsPart = [...rels.values()].find((r) => r.type.endsWith("/sharedStrings"))?.target ?? "xl/sharedStrings.xml";
  const stylesPart = [...rels.values()].find((r) => r.type.endsWith("/styles"))?.target ?? "xl/styles.xml";
  const strings: string[] = [];
  const stringsPart = parts.get(sharedStringsPart);
  const stringsProblem = stringsPart ? await readInPieces(bytes, stringsPart, "</si>", (xml) => sharedStrings(xml, strings)) : null;
  if (stringsProblem) return { ok: false, code: stringsProblem };
  const stylesRead = small(stylesPart);
  if ("problem" in stylesRead) return { ok: false, code: stylesRead.problem };
  const styles = stylesRead.xml;
  const dateStyles = dateStyleIndexes(styles);
  const percentStyles = percentStyleIndexes(styles);
  const date1904 = ["1", "true"].includes(attribute(/<workbookPr\b([^>]*?)\/?>/.exec(workbook)?.[1] ?? "", "date1904") ?? "");
  onWorkbook?.(date1904);

  let position = 0;
  for (const m of workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const name = xmlText(attribute(m[1], "name") ?? "");
    const relId = attribute(m[1], "r:id") ?? attribute(m[1], "id");
    const target = relId ? rels.get(relId)?.target : undefined;
    const sink = visit({ name, position: position++ });
    if (!sink) continue;
    const part = target ? parts.get(target) : undefined;
    if (!part) return { ok: false, code: "bad-xlsx" };
    const problem = await readSheet(bytes, part, limits, { strings, dateStyles, percentStyles }, sink);
    if (problem) return { ok: false, code: problem };
  }
  return { ok: true, date1904 };
}

type Lookups = { strings: string[]; dateStyles: Set<number>; percentStyles: Set<number> };

/** A sheet's rows, handed to `sink` as they are read; nothing after </sheetData> is read. */
function readSheet(bytes: Uint8Array, part: ZipPart, limits: SheetLimits, lookups: Lookups, sink: RowSink): Promise<Problem | null> {
  let lastRow = 0;
  const take = (text: string): Problem | null => {
    for (const m of text.matchAll(ROW)) {
      const rowNumber = Number(attribute(m[1], "r") ?? lastRow + 1);
      lastRow = rowNumber;
      if (rowNumber > limits.maxRows) return "too-many-rows";
      const unsaved: number[] = [];
      const cells = m[2] ? readCells(m[2], lookups, limits.maxColumns, unsaved) : [];
      if (cells === null) return "too-many-columns";
      sink(rowNumber, cells, unsaved);
    }
    return null;
  };
  return readInPieces(bytes, part, "</row>", take, ["</sheetData>", "<sheetData/>"]);
}

/**
 * Inflates a part a chunk at a time and hands `take` its XML in pieces that each end with `end` (a
 * row, a shared string), never splitting one; reading stops at any of `stopAt`. More than MAX_XML_PIECE
 * without an `end` is no spreadsheet's (whitespace, or one vast element): refused, not held.
 */
async function readInPieces(
  bytes: Uint8Array,
  part: ZipPart,
  end: string,
  take: (xml: string) => Problem | null,
  stopAt: readonly string[] = [],
): Promise<Problem | null> {
  const data = zipPartData(bytes, part);
  if (!data || (part.method !== 0 && part.method !== 8)) return "bad-xlsx";
  const decoder = new TextDecoder("utf-8");
  let carry = "";
  let stopped = false;
  let unprefix: ((xml: string) => string) | undefined;
  const push = (chunk: Uint8Array): Problem | null => {
    let text = carry + decoder.decode(chunk, { stream: true });
    unprefix ??= prefixDropper(text);
    text = unprefix(text);
    // lastIndexOf first: it flattens the joined string, which indexOf on V8 searches at about 16 ms a
    // megabyte if left as it is. Only the new text is searched for the stop (the carry has been).
    let cut = text.lastIndexOf(end);
    const from = Math.max(0, carry.length - 256);
    const stop = stopAt.reduce((first, s) => (first >= 0 ? first : text.indexOf(s, from)), -1);
    if (stop >= 0) {
      text = text.slice(0, stop);
      stopped = true;
      cut = text.lastIndexOf(end);
    }
    const upTo = cut < 0 ? 0 : cut + end.length;
    carry = text.slice(upTo);
    if (carry.length > MAX_XML_PIECE) return "xlsx-too-large";
    return upTo > 0 ? take(text.slice(0, upTo)) : null;
  };

  if (part.method === 0) {
    for (let at = 0; at < data.length && !stopped; at += CHUNK) {
      const problem = push(data.subarray(at, at + CHUNK));
      if (problem) return problem;
    }
  } else {
    const inflate = createInflateRaw({ chunkSize: CHUNK });
    inflate.end(data);
    let inflated = 0;
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        if (inflated > part.size) return "bad-xlsx";
        const problem = push(chunk);
        if (problem) return problem;
        if (stopped) break;
      }
    } catch {
      return "bad-xlsx";
    } finally {
      inflate.destroy();
    }
  }
  return take((unprefix ?? ((x: string) => x))(carry + (stopped ? "" : decoder.decode())));
}

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const VALUE = /<v>([\s\S]*?)<\/v>/;
const FORMULA = /<f\b/;
const TEXT = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;

/** The row's cells by column; null when a cell lies past the column cap. */
function readCells(xml: string, { strings, dateStyles, percentStyles }: Lookups, maxColumns: number, unsaved: number[]): Cell[] | null {
  const cells: Cell[] = [];
  let column = -1;
  for (const m of xml.matchAll(CELL)) {
    const attrs = m[1];
    const ref = attribute(attrs, "r");
    column = ref ? columnIndex(ref) : column + 1;
    if (column >= maxColumns) return null;
    const body = m[2] ?? "";
    const type = attribute(attrs, "t") ?? "n";
    let cell: Cell = null;
    if (type === "inlineStr") {
      cell = { t: "s", s: joinText(body) };
    } else {
      const raw = VALUE.exec(body)?.[1];
      // An empty <v></v> is no value (Number("") would make it 0, which a date format shows as 30/12/1899).
      if (raw !== undefined && (type === "str" || raw.trim() !== "")) {
        if (type === "s") cell = { t: "s", s: strings[Number(raw)] ?? "" };
        else if (type === "str") cell = { t: "s", s: xmlText(raw) };
        else if (type === "b") cell = { t: "b", b: raw === "1" };
        else if (type === "e") cell = { t: "e", e: xmlText(raw) };
        // An ISO 8601 date cell ("2020-03-05" or "2020-03-05T10:30:00"): its date, read as yyyy-mm-dd text.
        else if (type === "d") {
          const text = xmlText(raw).trim();
          cell = { t: "s", s: /^\d{4}-\d{2}-\d{2}(?=T|$)/.exec(text)?.[0] ?? text };
        } else {
          const n = Number(raw);
          const style = Number(attribute(attrs, "s") ?? 0);
          cell = Number.isFinite(n)
            ? percentStyles.has(style)
              ? { t: "n", n, date: false, percent: true }
              : { t: "n", n, date: dateStyles.has(style) }
            : { t: "s", s: xmlText(raw) };
        }
      } else if (FORMULA.test(body)) {
        unsaved.push(column);
      }
    }
    cells[column] = cell;
  }
  for (let i = 0; i < cells.length; i++) cells[i] ??= null;
  return cells;
}

/** "AB12" -> 27. */
function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** Every <t> in a string item or inline string, joined (rich text comes in runs); phonetic runs left out. */
function joinText(xml: string): string {
  const plain = xml.includes("<rPh") ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : xml;
  let out = "";
  for (const m of plain.matchAll(TEXT)) out += m[1];
  return xmlText(out);
}

/** Adds the shared strings in a piece of the shared strings part to `out`, in order. */
function sharedStrings(xml: string, out: string[]): null {
  for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) out.push(m[1] === undefined ? "" : joinText(m[1]));
  return null;
}

/** Excel's built-in number formats that show a date or time (ECMA-376 18.8.30). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** The cell style indexes (cellXfs, the `s` of a cell) whose number format shows a date. */
export function dateStyleIndexes(styles: string): Set<number> {
  return styleIndexes(styles, (id, code) => (code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id)));
}

/** Excel's built-in percentage formats: 0% and 0.00%. */
const BUILT_IN_PERCENT_FORMATS = new Set([9, 10]);

/** The cell style indexes whose number format shows a percentage (a % outside quoted text). */
export function percentStyleIndexes(styles: string): Set<number> {
  return styleIndexes(styles, (id, code) =>
    code !== undefined
      ? code
          .replace(/"[^"]*"/g, "")
          .replace(/\\./g, "")
          .includes("%")
      : BUILT_IN_PERCENT_FORMATS.has(id),
  );
}

/** The cellXfs indexes whose number format (its id, and its code when custom) passes `test`. */
function styleIndexes(styles: string, test: (id: number, code: string | undefined) => boolean): Set<number> {
  const custom = new Map<number, string>();
  for (const m of styles.matchAll(/<numFmt\b([^>]*?)\/?>/g)) {
    const id = Number(attribute(m[1], "numFmtId"));
    custom.set(id, xmlText(attribute(m[1], "formatCode") ?? ""));
  }
  const found = new Set<number>();
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "";
  let index = 0;
  for (const m of xfs.matchAll(/<xf\b([^>]*?)(?:\/>|>[\s\S]*?<\/xf>)/g)) {
    const id = Number(attribute(m[1], "numFmtId") ?? 0);
    if (test(id, custom.get(id))) found.add(index);
    index++;
  }
  return found;
}

/** A format code shows a date when, outside quoted text, escapes and [colour] or [$-locale] parts, it has d, m, y, h or s. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, "");
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

function relationships(xml: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  for (const m of xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const id = attribute(m[1], "Id");
    const target = attribute(m[1], "Target");
    if (!id || !target) continue;
    // Targets are relative to xl/ (worksheets/sheet1.xml) or absolute within the package (/xl/...).
    const path = xmlText(target).startsWith("/") ? xmlText(target).slice(1) : `xl/${xmlText(target).replace(/^\.\//, "")}`;
    out.set(id, { type: attribute(m[1], "Type") ?? "", target: path });
  }
  return out;
}

/** A small part's XML; a part that cannot be read, or claims more than MAX_WHOLE_PART, is a problem, never taken as absent. */
function inflateWhole(bytes: Uint8Array, part: ZipPart): Whole {
  if (part.size > MAX_WHOLE_PART) return { problem: "xlsx-too-large" };
  const data = zipPartData(bytes, part);
  if (!data) return { problem: "bad-xlsx" };
  try {
    const raw = part.method === 0 ? data : part.method === 8 ? inflateRawSync(data, { maxOutputLength: part.size }) : null;
    return raw ? { xml: new TextDecoder("utf-8").decode(raw) } : { problem: "bad-xlsx" };
  } catch {
    return { problem: "bad-xlsx" };
  }
}

/**
 * An attribute's value. The usual form (name="value" after a space) is found directly; any other that
 * XML allows (single quotes, a tab or line break before the name, spaces round the =) by reading the
 * attributes in turn.
 */
function attribute(attrs: string, name: string): string | undefined {
  const at = attrs.indexOf(` ${name}="`);
  if (at >= 0) {
    const from = at + name.length + 3;
    return attrs.slice(from, attrs.indexOf('"', from));
  }
  if (attrs.startsWith(`${name}="`)) return attrs.slice(name.length + 2, attrs.indexOf('"', name.length + 2));
  if (plainAttributes(attrs)) return undefined;
  for (const m of attrs.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) if (m[1] === name) return m[2] ?? m[3];
  return undefined;
}

/** Attributes written only as name="value" after single spaces (no ', tab, line break or space by an =): a scan, as it runs for most cells. */
function plainAttributes(attrs: string): boolean {
  for (let i = 0; i < attrs.length; i++) {
    const c = attrs.charCodeAt(i);
    if (c === 39 || c === 9 || c === 10 || c === 13) return false;
    if (c === 61 && (attrs.charCodeAt(i - 1) === 32 || attrs.charCodeAt(i + 1) === 32)) return false;
  }
  return true;
}

/**
 * A part whose root element carries a prefix for SpreadsheetML's namespace (<x:worksheet xmlns:x=...>,
 * as the Open XML SDK writes) has every element so prefixed: the function returned drops that prefix,
 * so that <x:row> reads as <row>. For the usual unprefixed part it returns the text as it is.
 */
function prefixDropper(xml: string): (xml: string) => string {
  const prefix = /<([A-Za-z_][\w.-]*):(?:workbook|worksheet|sst|styleSheet)\b/.exec(xml.slice(0, 4096))?.[1];
  if (!prefix) return (x) => x;
  const tag = new RegExp(`<(/?)${prefix.replace(/[.-]/g, "\\$&")}:`, "g");
  return (x) => x.replace(tag, "<$1");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML text with its entities and Excel's _xHHHH_ escapes decoded. */
export function xmlText(s: string): string {
  let out = s.includes("&")
    ? s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
        e[0] === "#"
          ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
          : ENTITIES[e.toLowerCase()],
      )
    : s;
  if (out.includes("_x")) out = out.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return out;
}
