// An XLSX is a zip of XML parts. Before exceljs sees it we read the zip's central directory and
// inflate every part against a budget: a small "zip bomb" that claims (or really unpacks to) hundreds
// of megabytes is refused, and a sheet's rows, columns and cells are counted against the caps. Parts
// are inflated as a stream and counted a chunk at a time, so the largest allowed sheet (48 MB of XML)
// is never held whole: holding it, and its text, cost the upload 135 MB.
import { createInflateRaw } from "node:zlib";
import { MAX_IMPORT_CELLS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, MAX_XLSX_ENTRIES, MAX_XLSX_UNPACKED_BYTES } from "@/lib/import/limits";

export type ZipCheck =
  | { ok: true }
  | { ok: false; code: "bad-xlsx" | "xlsx-inconsistent" | "xlsx-too-large" | "too-many-rows" | "too-many-columns" | "too-many-cells" };
export type SheetCaps = { maxRows: number; maxColumns: number; maxCells: number };
// +1 row for the header.
const DEFAULT_CAPS: SheetCaps = { maxRows: MAX_IMPORT_ROWS + 1, maxColumns: MAX_IMPORT_COLUMNS, maxCells: MAX_IMPORT_CELLS };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
/** General purpose flag bit 3: the sizes and CRC follow the data, in a data descriptor. */
const HAS_DESCRIPTOR = 0x0008;

export const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
/** OLE compound file: an old .xls workbook, or an encrypted (password protected) .xlsx. */
export const isOleCompound = (b: Uint8Array) =>
  b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1;

/** One stored part of a zip: its name, how it is compressed, and where its bytes are in the file. */
export type ZipPart = { name: string; method: number; compressed: number; size: number; local: number };
type DirectoryEntry = ZipPart & { flags: number; crc: number; nameBytes: Uint8Array };

/**
 * The zip's central directory, checked: every part named, its claimed size within the budget, and the
 * file holding exactly what the directory lists (checkLocalEntries). Only what the file claims:
 * inflating a part must still stop at its claim (inflatePart, readSheet).
 */
export function readZipDirectory(
  bytes: Uint8Array,
  budget = MAX_XLSX_UNPACKED_BYTES,
  maxEntries = MAX_XLSX_ENTRIES,
): { ok: true; parts: ZipPart[] } | { ok: false; code: "bad-xlsx" | "xlsx-inconsistent" | "xlsx-too-large" } {
  const bad = { ok: false, code: "bad-xlsx" } as const;
  const tooLarge = { ok: false, code: "xlsx-too-large" } as const;
  if (!isZip(bytes)) return bad;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return bad;
  const entries = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  // Zip64 markers: no genuine spreadsheet we accept needs them.
  if (entries === 0xffff || directoryOffset === 0xffffffff) return bad;
  if (entries > maxEntries) return tooLarge;

  let at = directoryOffset;
  let declaredTotal = 0;
  const parts: DirectoryEntry[] = [];
  for (let i = 0; i < entries; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL) return bad;
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    if (at + 46 + nameLength > view.byteLength) return bad;
    // Stored or deflated only, and a stored part is as long as it says it unpacks to.
    if ((method !== 0 && method !== 8) || (method === 0 && compressed !== size)) return bad;
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    declaredTotal += size;
    if (declaredTotal > budget) return tooLarge;
    parts.push({ name: new TextDecoder().decode(nameBytes), method, compressed, size, local, flags, crc, nameBytes });
    at += 46 + nameLength + extraLength + commentLength;
  }
  // The directory ends where the end record says, and the file where the end record does.
  const commentLength = view.getUint16(eocd + 20, true);
  if (at !== directoryOffset + directorySize || at !== eocd || eocd + 22 + commentLength !== view.byteLength)
    return { ok: false, code: "xlsx-inconsistent" };
  if (!checkLocalEntries(view, parts, directoryOffset)) return { ok: false, code: "xlsx-inconsistent" };
  const names = new Set(parts.map((p) => p.name));
  if (names.size !== parts.length) return { ok: false, code: "xlsx-inconsistent" };
  if (!names.has("[Content_Types].xml") || ![...names].some((n) => n.startsWith("xl/"))) return bad;
  return { ok: true, parts: parts.map(({ name, method, compressed, size, local }) => ({ name, method, compressed, size, local })) };
}

/**
 * Whether the entries before the central directory are exactly the ones it lists: laid end to end
 * from the start of the file with nothing between, before or over them, each local header naming the
 * same part, method, sizes and CRC as its directory entry (in its data descriptor, when it has one).
 * A reader that walks the local headers (as exceljs's streaming reader and many others do) then sees
 * the same parts we check and count: no part hidden from the directory, whose size no check saw, and
 * none read two ways.
 */
function checkLocalEntries(view: DataView, parts: readonly DirectoryEntry[], directoryOffset: number): boolean {
  let at = 0;
  for (const part of [...parts].sort((a, b) => a.local - b.local)) {
    if (part.local !== at || at + 30 > directoryOffset || view.getUint32(at, true) !== LOCAL) return false;
    const flags = view.getUint16(at + 6, true);
    const nameLength = view.getUint16(at + 26, true);
    const start = at + 30 + nameLength + view.getUint16(at + 28, true);
    if ((flags ^ part.flags) & HAS_DESCRIPTOR || view.getUint16(at + 8, true) !== part.method || start > directoryOffset) return false;
    for (let i = 0; i < nameLength; i++) if (view.getUint8(at + 30 + i) !== part.nameBytes[i]) return false;
    if (nameLength !== part.nameBytes.length) return false;
    const end = start + part.compressed;
    if (end > directoryOffset) return false;
    const sizes = (from: number) =>
      view.getUint32(from, true) === part.crc &&
      view.getUint32(from + 4, true) === part.compressed &&
      view.getUint32(from + 8, true) === part.size;
    if (flags & HAS_DESCRIPTOR) {
      // The local header may leave the sizes as zeros; the descriptor after the data (its signature is
      // optional) must then agree.
      const local = view.getUint32(at + 14, true) | view.getUint32(at + 18, true) | view.getUint32(at + 22, true);
      if (local !== 0 && !sizes(at + 14)) return false;
      if (end + 16 <= directoryOffset && view.getUint32(end, true) === DESCRIPTOR && sizes(end + 4)) at = end + 16;
      else if (end + 12 <= directoryOffset && sizes(end)) at = end + 12;
      else return false;
    } else {
      if (!sizes(at + 14)) return false;
      at = end;
    }
  }
  return at === directoryOffset;
}

/** A part's compressed bytes, or null where its local header does not fit the file. */
export function zipPartData(bytes: Uint8Array, part: ZipPart): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (part.local + 30 > view.byteLength || view.getUint32(part.local, true) !== LOCAL) return null;
  const start = part.local + 30 + view.getUint16(part.local + 26, true) + view.getUint16(part.local + 28, true);
  if (start + part.compressed > view.byteLength) return null;
  return bytes.subarray(start, start + part.compressed);
}

export async function inspectXlsxZip(
  bytes: Uint8Array,
  budget = MAX_XLSX_UNPACKED_BYTES,
  caps: Partial<SheetCaps> = {},
  maxEntries = MAX_XLSX_ENTRIES,
): Promise<ZipCheck> {
  const limits = { ...DEFAULT_CAPS, ...caps };
  const directory = readZipDirectory(bytes, budget, maxEntries);
  if (!directory.ok) return directory;

  // The sizes above are only what the file claims: inflate each part, never past its claim.
  for (const part of directory.parts) {
    const data = zipPartData(bytes, part);
    if (!data) return { ok: false, code: "bad-xlsx" };
    const counter = WORKSHEET.test(part.name) ? sheetCounter(limits) : null;
    let result: PartCheck;
    if (part.method === 0) {
      result = part.compressed !== part.size ? "bad-xlsx" : counter ? (counter.push(data) ?? counter.finish()) : null;
    } else if (part.method === 8) {
      result = await inflatePart(data, part.size, counter);
    } else {
      result = "bad-xlsx";
    }
    if (result) return { ok: false, code: result };
  }
  return { ok: true };
}

type PartCheck = Exclude<ZipCheck, { ok: true }>["code"] | null;

/** Inflates one part a chunk at a time, never past the size it claims, counting a sheet's XML as it goes. */
async function inflatePart(data: Uint8Array, size: number, counter: ReturnType<typeof sheetCounter> | null): Promise<PartCheck> {
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
  inflate.end(data);
  let total = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > size) return "xlsx-too-large";
      const problem = counter?.push(chunk);
      if (problem) return problem;
    }
  } catch {
    return "bad-xlsx";
  } finally {
    inflate.destroy();
  }
  if (total !== size) return "bad-xlsx";
  return counter?.finish() ?? null;
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
// A cell element's attributes, and in them the column letters of its reference (r="AB12").
const CELL = /<c(?=[\s>/])([^>]*)/g;
const REF_COLUMN = /\br="([A-Z]{1,3})\d*"/;
const ROW = /<row(?=[\s>/])/g;

/** A tag left open at the end of a chunk longer than this is not a spreadsheet's. */
const MAX_OPEN_TAG = 1024 * 1024;

/**
 * Counts a sheet's rows, columns and cells in its XML as it arrives, stopping at the first cap it
 * passes. Each chunk is read up to its last ">", so no tag is ever split; an unfinished tag waits for
 * the next chunk.
 */
function sheetCounter(caps: SheetCaps) {
  let rows = 0;
  let cells = 0;
  let carry = "";
  const scan = (text: string): PartCheck => {
    for (ROW.lastIndex = 0; ROW.exec(text);) if (++rows > caps.maxRows) return "too-many-rows";
    for (let m = ((CELL.lastIndex = 0), CELL.exec(text)); m; m = CELL.exec(text)) {
      if (++cells > caps.maxCells) return "too-many-cells";
      const column = REF_COLUMN.exec(m[1])?.[1];
      if (column && columnNumber(column) > caps.maxColumns) return "too-many-columns";
    }
    return null;
  };
  return {
    push(chunk: Uint8Array): PartCheck {
      const text = carry + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("latin1");
      const end = text.lastIndexOf(">") + 1;
      // Text after the last ">" matters only from a "<" on: the start of a tag still arriving.
      const open = text.indexOf("<", end);
      carry = open < 0 ? "" : text.slice(open);
      if (carry.length > MAX_OPEN_TAG) return "bad-xlsx";
      return scan(text.slice(0, end));
    },
    finish: (): PartCheck => scan(carry),
  };
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let i = last; i >= first; i--) if (view.getUint32(i, true) === EOCD) return i;
  return -1;
}
