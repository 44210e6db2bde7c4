// The import's parser: bytes, file name and content type in; the file's rows as text, or one
// file-level problem, out. Pure (no database), so every refusal can be unit-tested with small files.
import type { FileError } from "@/lib/import/file-errors";
import type { ImportTable } from "@/lib/import/import-table";
import { MAX_IMPORT_BYTES } from "@/lib/import/limits";
import { isOleCompound, isZip } from "@/lib/import/inspect-xlsx-zip";
import { readCsv } from "@/lib/import/read-csv";
import { readXlsx } from "@/lib/import/read-xlsx";

export type ImportFile = { bytes: Uint8Array; fileName: string; contentType?: string | null };
export type ParsedFile = { ok: true; table: ImportTable } | { ok: false; error: FileError };

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV_TYPES = new Set(["text/csv", "application/csv", "text/comma-separated-values", "application/vnd.ms-excel"]);

export async function parseImportFile(file: ImportFile): Promise<ParsedFile> {
  if (file.bytes.byteLength === 0) return { ok: false, error: { code: "empty" } };
  if (file.bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, error: { code: "too-large" } };
  const kind = detectKind(file);
  if (kind === "xls") return { ok: false, error: { code: "old-excel" } };
  if (kind === null) return { ok: false, error: { code: "wrong-type" } };
  // The name says what the person meant; the first bytes say what the file really is.
  if (isOleCompound(file.bytes)) return { ok: false, error: { code: "old-excel" } };
  if (kind === "xlsx") return isZip(file.bytes) ? readXlsx(file.bytes) : { ok: false, error: { code: "wrong-type" } };
  if (isZip(file.bytes)) return { ok: false, error: { code: "wrong-type" } };
  return readCsv(file.bytes, { textFile: kind === "txt" });
}

function detectKind(file: ImportFile): "csv" | "txt" | "xlsx" | "xls" | null {
  const ext = /\.([a-z0-9]+)$/i.exec(file.fileName.trim())?.[1]?.toLowerCase();
  if (ext === "csv") return "csv";
  // Excel's "Unicode Text" and "Text (Tab delimited)".
  if (ext === "txt") return "txt";
  if (ext === "xlsx") return "xlsx";
  if (ext === "xls") return "xls";
  if (ext) return null;
  const type = (file.contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type === XLSX_TYPE) return "xlsx";
  if (CSV_TYPES.has(type)) return "csv";
  return null;
}
