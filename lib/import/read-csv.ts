// CSV: comma-separated only (as Excel's "CSV UTF-8" and most council systems write it), any line
// ending, quoted fields, a UTF-8 byte-order mark. Files saved as Windows-1252 or UTF-16 are decoded.
import { parse } from "csv-parse/sync";
import type { FileError } from "@/lib/import/file-errors";
import type { ImportTable } from "@/lib/import/import-table";
import { readTable, type GridRow } from "@/lib/import/read-table";

export function readCsv(bytes: Uint8Array): { ok: true; table: ImportTable } | { ok: false; error: FileError } {
  const text = decode(bytes);
  if (text === null) return { ok: false, error: { code: "wrong-type" } };
  // Parsed as UTF-8 bytes so that info.bytes are offsets into `buffer` for counting lines.
  const buffer = Buffer.from(text.replace(/^\uFEFF/, ""), "utf8");
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    records = parse(buffer, { info: true, relax_column_count: true, skip_empty_lines: true, bom: true }) as unknown as typeof records;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return { ok: false, error: { code: "bad-csv", line: typeof line === "number" ? line : undefined } };
  }
  return readTable("csv", toGrid(buffer, records));
}

/**
 * Numbers each record by the line it starts on, as a text editor or Excel shows it. (csv-parse's own
 * line count goes wrong after a quoted field holding a CRLF, so lines are counted here.)
 */
function* toGrid(buffer: Buffer, records: { record: string[]; info: { bytes: number } }[]): Generator<GridRow> {
  let at = 0;
  let line = 1;
  const advanceTo = (end: number) => {
    for (; at < end; at++) {
      if (buffer[at] === 0x0a || (buffer[at] === 0x0d && buffer[at + 1] !== 0x0a)) line++;
    }
  };
  let start = 0;
  for (const { record, info } of records) {
    while (start < buffer.length && (buffer[start] === 0x0a || buffer[start] === 0x0d)) start++; // skipped blank lines
    advanceTo(start);
    yield { row: line, cells: record };
    start = info.bytes;
  }
}

/** Text from bytes, or null for binary content that cannot be a CSV. */
function decode(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Not UTF-8: Excel's plain "CSV" on Windows writes Windows-1252.
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
