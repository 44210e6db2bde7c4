// What confirming an Annex A upload would write: the computed figures as the import reads rows,
// validated against the catalogue and the month's values exactly as a file import is (new, changed,
// unchanged, or an error such as more decimal places than the indicator shows). Figures the
// catalogue does not hold, or holds retired, are left out and say so. Run at the preview, and again
// inside the confirmation's transaction, which writes only if both agree.
import "server-only";
import type { db, Tx } from "@/lib/db";
import { loadCatalogue, loadExistingValues } from "@/lib/import/load-import-context";
import { validateImportRows } from "@/lib/import/validate-import-rows";
import { toStoredRow, type StoredRow } from "@/lib/import/stored-preview";
import type { PreviewRow } from "@/lib/import/import-preview";
import type { ImportTable } from "@/lib/import/import-table";
import { figureRows, type StoredAnnexA } from "@/lib/annex-a/stored-annex-a";

export type LeftOut = { code: string; reason: string };
export type AnnexAWritePlan = { rows: StoredRow[]; previewRows: PreviewRow[]; left: LeftOut[] };

const HEADERS: ImportTable["headers"] = { code: "code", value: "value", period: null, note: null };

export async function planAnnexAWrite(
  client: Tx | typeof db,
  period: { id: string; month: string },
  stored: Pick<StoredAnnexA, "figures">,
): Promise<AnnexAWritePlan> {
  const catalogue = await loadCatalogue(client);
  const existing = await loadExistingValues(client, period.id);
  const left: LeftOut[] = [];
  const rows = figureRows(stored).filter((r) => {
    const entry = catalogue.get(r.code);
    if (!entry) left.push({ code: r.code, reason: "not in the catalogue" });
    else if (!entry.active) left.push({ code: r.code, reason: "retired in the catalogue" });
    return entry?.active === true;
  });
  const validated = validateImportRows({
    table: { kind: "xlsx", layout: "long", headers: HEADERS, rows },
    month: period.month,
    catalogue,
    existing,
  });
  // Rows without a period column are never for another month, so the validator always gives a preview.
  if (!validated.ok) throw new Error(`Annex A figures could not be validated: ${validated.error.code}`);
  return { rows: validated.preview.rows.map(toStoredRow), previewRows: validated.preview.rows, left };
}
