// The month's stored values as CSV in the import's own layout (indicator_code, period, value, note),
// so an analyst can take the figures out, check them and bring them back through the import; the
// columns after note are for reading only (the import ignores columns it does not know).
import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { appConfig } from "@/lib/config/app";
import { formatMonth, isMonth } from "@/lib/format/dates";
import type { Unit, ValueSource } from "@/lib/generated/prisma/enums";
import { UNIT_LABEL } from "@/lib/judgement/format-number";
import { csvRecord } from "@/lib/pack/delivery/export-cells";
import { councilSlug } from "@/lib/pack/delivery/export-names";
import { findPeriodByMonth } from "@/lib/periods/find-period";
import { describeProvenance, readProvenance } from "@/lib/annex-a/provenance";

/** The first four are what the import reads (lib/import/import-table.ts); the rest it ignores. */
export const MONTH_VALUES_CSV_COLUMNS = [
  "indicator_code",
  "period",
  "value",
  "note",
  "indicator_name",
  "unit",
  "source",
  "updated_by",
  "updated_at",
  "provenance",
] as const;

export type MonthValueRow = {
  code: string;
  name: string;
  unit: Unit;
  value: number | null;
  notAvailableReason: string | null;
  note: string | null;
  source: ValueSource;
  updatedByName: string;
  updatedAt: Date;
  /** IndicatorValue.provenance as stored (JSON, or null). */
  provenance: unknown;
};

const SOURCE_LABEL: Record<ValueSource, string> = { ENTRY: "Entered", IMPORT: "Imported" };

/**
 * A stored number as plain decimal text, as stored (never rounded to the indicator's places, so the
 * import reads back the same number): 1337, 58.5, 0.0000001 (not 1e-7, which the import refuses).
 */
export function formatStoredValue(value: number): string {
  if (!Number.isFinite(value)) return "";
  const text = String(value === 0 ? 0 : value);
  if (!/e/i.test(text)) return text;
  // Exponent form only for very small or very large numbers: write every digit out instead.
  return value
    .toFixed(20)
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
}

/** A computed value's provenance in words (lib/annex-a/provenance.ts); empty for a typed or imported value. */
export function provenanceSummary(provenance: unknown): string {
  const read = readProvenance(provenance);
  return read ? `${describeProvenance(read)}: ${read.words}` : "";
}

/**
 * One record per stored figure, in the order given. A figure not available is an empty value with
 * its reason in note, as the import reads it. Text goes through the pack downloads' spreadsheet-safe
 * rule (lib/format/spreadsheet-text.ts). A row with neither a value nor a reason has no figure and is
 * left out: the import would refuse it.
 */
export function formatMonthValuesCsv(month: string, rows: readonly MonthValueRow[]): string {
  const lines = [`\uFEFF${csvRecord(MONTH_VALUES_CSV_COLUMNS)}`];
  for (const r of rows) {
    const notAvailable = r.value === null;
    if (notAvailable && !r.notAvailableReason) continue;
    lines.push(
      csvRecord([
        r.code,
        month,
        notAvailable ? "" : formatStoredValue(r.value!),
        (notAvailable ? r.notAvailableReason : r.note) ?? "",
        r.name,
        UNIT_LABEL[r.unit],
        SOURCE_LABEL[r.source],
        r.updatedByName,
        r.updatedAt.toISOString(),
        provenanceSummary(r.provenance),
      ]),
    );
  }
  return lines.join("");
}

/** values-2019-07.csv, with the council's place first, as the pack's downloads. */
export const monthValuesFilename = (month: string) => `${councilSlug(appConfig.councilName)}-values-${month}.csv`;

/** The month's stored values of active indicators, in catalogue order (section, then indicator). */
export async function findMonthValueRows(user: SessionUser | null, month: string): Promise<MonthValueRow[]> {
  assertCan(user, "period.view");
  const period = await findPeriodByMonth(month);
  if (!period) throw new AppError("NOT_FOUND", `There is no period for ${isMonth(month) ? formatMonth(month) : "that month"}`);
  const values = await db.indicatorValue.findMany({
    where: { periodId: period.id, indicator: { active: true } },
    orderBy: [
      { indicator: { section: { order: "asc" } } },
      { indicator: { sectionId: "asc" } },
      { indicator: { order: "asc" } },
      { indicator: { code: "asc" } },
    ],
    select: {
      value: true,
      notAvailableReason: true,
      note: true,
      source: true,
      updatedByName: true,
      updatedAt: true,
      provenance: true,
      indicator: { select: { code: true, name: true, unit: true } },
    },
  });
  return values.map(({ indicator, ...v }) => ({ ...v, code: indicator.code, name: indicator.name, unit: indicator.unit }));
}

/** The month's values as a CSV download for staff who may see the month (period.view). */
export async function exportMonthValuesCsv(user: SessionUser | null, month: string): Promise<{ filename: string; body: string }> {
  const rows = await findMonthValueRows(user, month);
  return { filename: monthValuesFilename(month), body: formatMonthValuesCsv(month, rows) };
}
