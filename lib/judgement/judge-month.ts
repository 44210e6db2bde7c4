// Everything the grid and the pack say about one indicator in one month, from plain data: the
// target in force, the RAG rating and the direction of travel against last month and last year.
import type { Polarity, Unit } from "@/lib/generated/prisma/enums";
import { targetInForce, type TargetRow } from "@/lib/catalogue/target-in-force";
import { judgeRag, type Rag } from "@/lib/judgement/rag";
import { judgeDirection, type Direction } from "@/lib/judgement/direction";
import { formatChange } from "@/lib/judgement/format-number";

export type JudgedIndicator = { unit: Unit; decimals: number; polarity: Polarity };

export type MonthFigures = {
  month: string;
  /** This month's value; null when missing or marked not available. */
  value: number | null;
  /** Last month's value (null when there is none). */
  lastMonth: number | null;
  /** The same month a year earlier (null when there is none). */
  lastYear: number | null;
  /** The indicator's whole target history. */
  targets: readonly TargetRow[];
};

export type MonthJudgement = {
  target: { value: number; tolerance: number; fromMonth: string } | null;
  rag: Rag | null;
  vsLastMonth: Direction | null;
  vsLastYear: Direction | null;
  /** e.g. "-524 (-28.2%)"; null when either figure is missing. Unsuppressed: panel views use formatPanelChange. */
  changeVsLastMonth: string | null;
  changeVsLastYear: string | null;
};

export function judgeMonth(indicator: JudgedIndicator, figures: MonthFigures): MonthJudgement {
  const row = targetInForce(figures.targets, figures.month);
  const target =
    row && row.target !== null ? { value: row.target, tolerance: Math.max(0, row.tolerance ?? 0), fromMonth: row.fromMonth } : null;
  const change = (previous: number | null) =>
    figures.value === null || previous === null ? null : formatChange(figures.value, previous, indicator);
  return {
    target,
    rag: judgeRag(figures.value, { polarity: indicator.polarity, target: target?.value, tolerance: target?.tolerance }),
    vsLastMonth: judgeDirection(figures.value, figures.lastMonth, indicator),
    vsLastYear: judgeDirection(figures.value, figures.lastYear, indicator),
    changeVsLastMonth: change(figures.lastMonth),
    changeVsLastYear: change(figures.lastYear),
  };
}
