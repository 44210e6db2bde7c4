// Judgement: the pure rules that turn stored figures into what people read. Used by the value grid
// and the monthly pack, so both always say the same thing. No database, no React.
//
//   judgeRag(value, {polarity, target, tolerance})      -> "GREEN" | "AMBER" | "RED" | null
//   judgeDirection(current, previous, {polarity, decimals}) -> {movement, verdict} | null
//   judgeMonth(indicator, {month, value, lastMonth, lastYear, targets}) -> all of the above at once
//   formatValue / formatTableValue / formatNumber / formatChange -> "1,337", "58.0%", "-524 (-28.2%)"
//   formatPanelValue / formatPanelChange / isSuppressed   -> small-number suppression ("c")
//   RAG_LABEL, RAG_TAG_CLASS, describeRag, describeDirection -> words (and symbols) for display
//   isException(judged)                                   -> listed for the panel's attention
//   summaryLine(figures, month)                           -> "Down from 1,861 to 1,337 since July"
export { judgeRag, RAG_LABEL, RAG_TAG_CLASS, describeRag, type Rag, type RagBasis } from "@/lib/judgement/rag";
export {
  judgeDirection,
  describeDirection,
  VERDICT_LABEL,
  MOVEMENT_SYMBOL,
  type Direction,
  type DirectionBasis,
  type DirectionDisplay,
  type Movement,
  type Verdict,
} from "@/lib/judgement/direction";
export { formatNumber, formatValue, formatTableValue, formatChange, UNIT_LABEL, type NumberRules } from "@/lib/judgement/format-number";
export {
  isSuppressed,
  formatPanelValue,
  formatPanelChange,
  SUPPRESSED_MARK,
  SUPPRESSION_NOTE,
  SMALL_NUMBER_MAX,
  type SuppressionRules,
} from "@/lib/judgement/suppression";
export { judgeMonth, type JudgedIndicator, type MonthFigures, type MonthJudgement } from "@/lib/judgement/judge-month";
export { roundTo } from "@/lib/judgement/round";
export { isException, type ExceptionBasis } from "@/lib/judgement/exception";
export { summaryLine, type SummaryInput } from "@/lib/judgement/summary-line";
