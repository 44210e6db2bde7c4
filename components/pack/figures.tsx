// How the pack prints one figure, a RAG rating and a direction: words and symbols, never colour alone.
import { describeDirection, describeRag, formatValue, RAG_LABEL, RAG_TAG_CLASS, SUPPRESSED_MARK, type Direction, type Rag } from "@/lib/judgement";
import type { SnapshotIndicator } from "@/lib/pack/snapshot-types";

export function figureText(ind: Pick<SnapshotIndicator, "unit" | "decimals">, value: number | null, suppressed = false, notAvailable?: string | null): string {
  if (suppressed) return SUPPRESSED_MARK;
  if (value === null) return notAvailable ? "Not available" : "No figure";
  return formatValue(value, ind);
}

export function RagTag({ rag }: { rag: Rag | null }) {
  if (!rag) return <span className="app-muted">No rating</span>;
  return (
    <strong className={`govuk-tag ${RAG_TAG_CLASS[rag]} app-rag`} title={describeRag(rag)}>
      {RAG_LABEL[rag]}
    </strong>
  );
}

export function DirectionText({ direction }: { direction: Direction | null }) {
  if (!direction) return <span className="app-muted">Not known</span>;
  const d = describeDirection(direction);
  return (
    <span className="app-direction">
      <span aria-hidden="true">{d.symbol} </span>
      {d.text}
      {d.hiddenText ? <span className="govuk-visually-hidden"> {d.hiddenText}</span> : null}
    </span>
  );
}

/** The latest comparable comparator with its period, e.g. "78.7% (England 2018-19)". */
export function comparatorText(ind: SnapshotIndicator): string {
  const c = ind.comparators.filter((x) => x.comparable).at(-1);
  return c ? `${formatValue(c.value, ind)} (${c.label} ${c.periodLabel})` : "Not comparable";
}
