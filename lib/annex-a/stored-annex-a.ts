// How an Annex A upload waits between preview and confirmation (ImportBatch.rows, kind ANNEX_A):
// the figures, the dates, the file's hash and the data-quality report. No row of any list.
import type { FigureResult, Population } from "@/lib/annex-a/compute-figures";
import type { QualityReport } from "@/lib/annex-a/read-annex-a";
import type { RawRow } from "@/lib/import/import-table";
import type { ValueProvenance } from "@/lib/annex-a/provenance";
import type { StoredRow } from "@/lib/import/stored-preview";

export type StoredAnnexA = {
  version: 1;
  kind: "annex-a";
  month: string;
  asAt: string;
  coversFrom: string;
  population: Population | null;
  fileSha256: string;
  rulesVersion: string;
  computedAt: string;
  figures: FigureResult[];
  quality: QualityReport;
  /** What confirming would write, as the import's preview rows (status, previous value and revision). */
  rows: StoredRow[];
  /** Computed figures the catalogue does not take, and why. */
  left: { code: string; reason: string }[];
};

export function readStoredAnnexA(json: unknown): StoredAnnexA {
  const stored = json as StoredAnnexA | null;
  if (!stored || stored.kind !== "annex-a" || stored.version !== 1 || !Array.isArray(stored.figures))
    throw new Error("ImportBatch.rows is not an Annex A preview");
  return stored;
}

/** The figures the lists gave, as the import reads rows: one per figure with a value, in rule order. */
export function figureRows(stored: Pick<StoredAnnexA, "figures">): RawRow[] {
  return stored.figures.flatMap((f, i) =>
    f.value === null ? [] : [{ row: i + 1, code: f.code, value: String(f.value), period: null, note: null, problems: [] }],
  );
}

/** Each computed figure's provenance, by code. */
export function provenanceByCode(stored: StoredAnnexA): Map<string, ValueProvenance> {
  return new Map(
    stored.figures
      .filter((f) => f.value !== null)
      .map((f) => [
        f.code,
        {
          kind: "annex-a",
          asAt: stored.asAt,
          coversFrom: stored.coversFrom,
          fileSha256: stored.fileSha256,
          rulesVersion: stored.rulesVersion,
          numerator: f.numerator,
          denominator: f.denominator,
          words: f.words ?? "",
          rule: f.rule,
          computedAt: stored.computedAt,
        },
      ]),
  );
}
