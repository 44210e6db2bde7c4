// CSV: comma-separated only (as Excel's "CSV UTF-8" and most council systems write it), any line
// ending, quoted fields. UTF-8 with or without a byte-order mark, UTF-16 with one, else Windows-1252
// (lib/import/decode-text.ts); the encoding found goes into the preview.
import { parse } from "csv-parse/sync";
import { decodeText } from "@/lib/import/decode-text";
import type { FileError } from "@/lib/import/file-errors";
import type { ImportTable } from "@/lib/import/import-table";
import { readTable, type GridRow } from "@/lib/import/read-table";

export function readCsv(bytes: Uint8Array, { textFile = false } = {}): { ok: true; table: ImportTable } | { ok: false; error: FileError } {
  const decoded = decodeText(bytes);
  if (decoded === null) return { ok: false, error: { code: "wrong-type" } };
  // Parsed as UTF-8 bytes so that info.bytes are offsets into `buffer` for counting lines.
  const buffer = Buffer.from(decoded.text.replace(/^\uFEFF/, ""), "utf8");
  // Excel's "Unicode Text" (UTF-16) and "Text (Tab delimited)" (.txt) separate columns with tabs.
  const firstLine = decoded.text.slice(0, 4096).split(/\r?\n/, 1)[0];
  const delimiter =
    (textFile || decoded.encoding.startsWith("UTF-16")) && firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    records = parse(buffer, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
      delimiter,
    }) as unknown as typeof records;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return { ok: false, error: { code: "bad-csv", line: typeof line === "number" ? line : undefined } };
  }
  const read = readTable("csv", toGrid(buffer, records));
  return read.ok ? { ok: true, table: { ...read.table, encoding: decoded.encoding } } : read;
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
