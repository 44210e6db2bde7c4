// How the catalogue's enums read to people, and how a figure is written for its unit. Shared by the
// admin forms, the catalogue table and anything else that shows a target or comparator.
import type { MeasureType, Polarity, Unit } from "@/lib/generated/prisma/enums";

export const UNITS = ["COUNT", "PERCENT", "RATE_PER_10K"] as const satisfies readonly Unit[];
export const POLARITIES = ["HIGHER_IS_BETTER", "LOWER_IS_BETTER", "NEITHER"] as const satisfies readonly Polarity[];
export const MEASURE_TYPES = [
  "MONTHLY_COUNT",
  "MONTH_END_SNAPSHOT",
  "IN_MONTH_PERCENT",
  "ROLLING_12M",
] as const satisfies readonly MeasureType[];

export const unitLabel: Record<Unit, string> = {
  COUNT: "Count",
  PERCENT: "Percentage",
  RATE_PER_10K: "Rate per 10,000 children",
};

export const polarityLabel: Record<Polarity, string> = {
  HIGHER_IS_BETTER: "Higher is better",
  LOWER_IS_BETTER: "Lower is better",
  NEITHER: "Neither (context measure)",
};

/** For narrow table columns. */
export const unitShortLabel: Record<Unit, string> = { COUNT: "Count", PERCENT: "Percentage", RATE_PER_10K: "Rate per 10,000" };
export const polarityShortLabel: Record<Polarity, string> = { HIGHER_IS_BETTER: "Higher", LOWER_IS_BETTER: "Lower", NEITHER: "Neither" };

export const measureTypeLabel: Record<MeasureType, string> = {
  MONTHLY_COUNT: "Monthly count",
  MONTH_END_SNAPSHOT: "Month-end snapshot",
  IN_MONTH_PERCENT: "In-month percentage",
  ROLLING_12M: "Rolling 12 months",
};

export const measureTypeHint: Record<MeasureType, string> = {
  MONTHLY_COUNT: "Events in the month, such as contacts received",
  MONTH_END_SNAPSHOT: "The position on the last day of the month, such as children on a plan",
  IN_MONTH_PERCENT: "The percentage of the month's events, such as assessments in time",
  ROLLING_12M: "The 12 months ending with the month",
};

/** A figure as the pack writes it: fixed decimals, thousands separators, % or "per 10,000". */
export function formatFigure(value: number, unit: Unit, decimals: number): string {
  const text = value.toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  if (unit === "PERCENT") return `${text}%`;
  if (unit === "RATE_PER_10K") return `${text} per 10,000`;
  return text;
}

/** Like formatFigure, but keeps any extra precision a published comparator carries. */
export function formatComparator(value: number, unit: Unit, decimals: number): string {
  const places = Math.max(decimals, (String(value).split(".")[1] ?? "").length);
  return formatFigure(value, unit, Math.min(places, 3));
}
