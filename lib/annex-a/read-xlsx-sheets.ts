// Reads every sheet of an XLSX workbook a row at a time, straight from the zip in memory: the Annex A
// lists and the figures import (lib/import/read-xlsx.ts) both read through it. Written because
// exceljs's streaming reader parks each sheet in a temporary file whenever the workbook's shared
// strings or styles come after the sheets in the zip (they do in many exports), and a child's case
// list must never touch the disk; it also depends on the order of the zip's parts, and fails now and
// then when it meets a sheet before the workbook part (exceljs issue 3064). Here nothing is written
// anywhere and the order of the parts does not matter: each sheet is inflated a chunk at a time, its
// complete rows are read and handed on, and the XML is let go.
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
  { ok: true; date1904: boolean } | { ok: false; code: "bad-xlsx" | "xlsx-too-large" | "too-many-rows" | "too-many-columns" };
export type SheetLimits = { unpackedBytes: number; maxRows: number; maxColumns: number; maxEntries: number };

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
  const small = (name: string): string | null => {
    const part = parts.get(name);
    const xml = part ? inflateWhole(bytes, part) : null;
    return xml === null ? null : prefixDropper(xml)(xml);
  };

  const workbook = small("xl/workbook.xml");
  if (workbook === null) return { ok: false, code: "bad-xlsx" };
  const rels = relationships(small("xl/_rels/workbook.xml.rels") ?? "");
  const sharedStringsPart = [...rels.values()].find((r) => r.type.endsWith("/sharedStrings"))?.target ?? "xl/sharedStrings.xml";
  const stylesPart = [...rels.values()].find((r) => r.type.endsWith("/styles"))?.target ?? "xl/styles.xml";
  const strings = sharedStrings(small(sharedStringsPart) ?? "");
  const styles = small(stylesPart) ?? "";
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

async function readSheet(
  bytes: Uint8Array,
  part: ZipPart,
  limits: SheetLimits,
  lookups: Lookups,
  sink: RowSink,
): Promise<Exclude<SheetsRead, { ok: true }>["code"] | null> {
  const data = zipPartData(bytes, part);
  if (!data || (part.method !== 0 && part.method !== 8)) return "bad-xlsx";
  const decoder = new TextDecoder("utf-8");
  let carry = "";
  let inflated = 0;
  let lastRow = 0;
  let problem: "too-many-rows" | "too-many-columns" | null = null;
  let unprefix: ((xml: string) => string) | undefined;
  const take = (text: string) => {
    for (const m of text.matchAll(ROW)) {
      const rowNumber = Number(attribute(m[1], "r") ?? lastRow + 1);
      lastRow = rowNumber;
      if (rowNumber > limits.maxRows) {
        problem = "too-many-rows";
        return;
      }
      const unsaved: number[] = [];
      const cells = m[2] ? readCells(m[2], lookups, limits.maxColumns, unsaved) : [];
      if (cells === null) {
        problem = "too-many-columns";
        return;
      }
      sink(rowNumber, cells, unsaved);
    }
  };
  const push = (chunk: Uint8Array) => {
    let text = carry + decoder.decode(chunk, { stream: true });
    unprefix ??= prefixDropper(text);
    text = unprefix(text);
    const end = text.lastIndexOf("</row>");
    if (end < 0) {
      carry = text;
      return;
    }
    take(text.slice(0, end + 6));
    carry = text.slice(end + 6);
  };

  if (part.method === 0) {
    push(data);
  } else {
    const inflate = createInflateRaw({ chunkSize: 1024 * 1024 });
    inflate.end(data);
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        if (inflated > part.size) return "bad-xlsx";
        push(chunk);
        if (problem) return problem;
      }
    } catch {
      return "bad-xlsx";
    } finally {
      inflate.destroy();
    }
  }
  take((unprefix ?? ((x: string) => x))(carry + decoder.decode()));
  return problem;
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

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) out.push(m[1] === undefined ? "" : joinText(m[1]));
  return out;
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

function inflateWhole(bytes: Uint8Array, part: ZipPart): string | null {
  const data = zipPartData(bytes, part);
  if (!data) return null;
  try {
    const raw = part.method === 0 ? data : part.method === 8 ? inflateRawSync(data, { maxOutputLength: part.size }) : null;
    return raw ? new TextDecoder("utf-8").decode(raw) : null;
  } catch {
    return null;
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
