// A workbook and the stated dates in; the month's figures and the data-quality report out, or one
// problem with the file as a whole. The bytes and every row read from them are garbage once this
// returns: only the figures, the counts and the positions of problems go on.
import { createHash } from "node:crypto";
import { readAnnexA, type QualityReport } from "@/lib/annex-a/read-annex-a";
import { computeFigures, type FigureResult, type Population } from "@/lib/annex-a/compute-figures";
import { isOleCompound, isZip } from "@/lib/import/inspect-xlsx-zip";
import { MAX_ANNEX_A_BYTES } from "@/lib/annex-a/limits";
import { XLSX_INCONSISTENT } from "@/lib/import/file-errors";

export type AnnexAFileError =
  | "no-file"
  | "empty"
  | "too-large"
  | "wrong-type"
  | "old-excel"
  | "password-protected"
  | "bad-xlsx"
  | "xlsx-inconsistent"
  | "xlsx-too-large"
  | "too-many-rows"
  | "too-many-columns"
  | "no-lists";

export const ANNEX_A_FILE_ERRORS: Record<AnnexAFileError, string> = {
  "no-file": "Select the Annex A workbook (.xlsx)",
  empty: "The selected file is empty",
  "too-large": `The selected file must be smaller than ${MAX_ANNEX_A_BYTES / 1024 / 1024} MB`,
  "wrong-type": "The selected file must be an Excel workbook (.xlsx) with one sheet per list",
  "old-excel": "The selected file is an old Excel (.xls) workbook: open it in Excel and save it as Excel Workbook (.xlsx)",
  "password-protected":
    "The selected workbook is password protected: save a copy without the password (File, Info, Protect Workbook) and upload that",
  "bad-xlsx": "The selected file is not a readable Excel workbook: open it in Excel and save it again as Excel Workbook (.xlsx)",
  "xlsx-inconsistent": XLSX_INCONSISTENT,
  "xlsx-too-large": "The selected workbook is too large once unpacked: it may be damaged, or hold far more than the case lists",
  "too-many-rows": "A sheet in the selected workbook has more than 1,000,000 rows",
  "too-many-columns": "A sheet in the selected workbook has more than 250 columns",
  "no-lists": 'The selected workbook has no sheets named as Annex A lists (List 1, List 3 ... List 9, or L1, List1, "List 1 - Contacts")',
};

export type AnnexAInput = { bytes: Uint8Array; month: string; asAt: string; coversFrom: string; population: Population | null };
export type AnnexAResult =
  | { ok: true; fileSha256: string; rulesVersion: string; figures: FigureResult[]; quality: QualityReport }
  | { ok: false; error: AnnexAFileError };

export async function computeAnnexA(input: AnnexAInput): Promise<AnnexAResult> {
  const { bytes } = input;
  if (bytes.byteLength === 0) return { ok: false, error: "empty" };
  if (bytes.byteLength > MAX_ANNEX_A_BYTES) return { ok: false, error: "too-large" };
  // Excel keeps a password-protected workbook in an OLE compound file holding an "EncryptedPackage".
  if (isOleCompound(bytes)) return { ok: false, error: isEncrypted(bytes) ? "password-protected" : "old-excel" };
  if (!isZip(bytes)) return { ok: false, error: "wrong-type" };

  const read = await readAnnexA(bytes);
  if (!read.ok) return { ok: false, error: read.code };
  if (read.quality.lists.length === 0) return { ok: false, error: "no-lists" };
  const problems = new Map(read.quality.problems.filter((p) => p.list !== null && p.sheet !== null).map((p) => [p.list!, p.message]));
  const { figures, rulesVersion } = computeFigures({ ...input, lists: read.lists, quality: read.quality, problems });
  return { ok: true, fileSha256: createHash("sha256").update(bytes).digest("hex"), rulesVersion, figures, quality: read.quality };
}

const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");
function isEncrypted(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTED_PACKAGE);
}
