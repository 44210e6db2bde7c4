// A factual starting point for a section's commentary, written from the figures so nobody retypes
// numbers the app already has: one line per indicator that moved since last month.
import type { Unit } from "@/lib/generated/prisma/enums";

export type SummaryFigure = { name: string; unit: Unit; decimals: number; previous: number | null; current: number | null };

const fmt = (n: number, decimals: number) => n.toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

export function describeMovement(f: SummaryFigure): string | null {
  if (f.previous === null || f.current === null) return null;
  const decimals = f.unit === "COUNT" ? 0 : f.decimals;
  const diff = f.current - f.previous;
  if (Math.abs(diff) < 0.5 * 10 ** -decimals) return null;
  const verb = diff > 0 ? "rose" : "fell";
  const suffix = f.unit === "PERCENT" ? "%" : "";
  const per = f.unit === "RATE_PER_10K" ? " per 10,000" : "";
  const from = `${fmt(f.previous, decimals)}${suffix}`;
  const to = `${fmt(f.current, decimals)}${suffix}${per}`;
  let change: string;
  if (f.unit === "PERCENT") change = `${fmt(Math.abs(diff), decimals)} percentage points`;
  else if (f.previous === 0) change = `up ${fmt(Math.abs(diff), decimals)}`;
  else change = `${Math.round(Math.abs(diff / f.previous) * 100)}%`;
  return `${f.name} ${verb} from ${from} to ${to} (${change})`;
}

/** Markdown bullet list of every indicator that moved, or a sentence saying none did. */
export function buildFiguresSummary(figures: SummaryFigure[], monthLabel: string, previousMonthLabel: string): string {
  const lines = figures.map((f) => describeMovement(f)).filter((l): l is string => l !== null);
  if (lines.length === 0) return `No figures in this section moved between ${previousMonthLabel} and ${monthLabel}.`;
  return [`Figures for ${monthLabel} against ${previousMonthLabel}:`, "", ...lines.map((l) => `- ${l}.`)].join("\n");
}
