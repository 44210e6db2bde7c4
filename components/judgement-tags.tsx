// RAG ratings and directions of travel as people read them: always words, with colour and arrows
// only as support (the arrows are hidden from screen readers, which get the words instead).
import { describeDirection, type Direction } from "@/lib/judgement/direction";
import { RAG_LABEL, RAG_TAG_CLASS, type Rag } from "@/lib/judgement/rag";

export function RagTag({ rag }: { rag: Rag | null }) {
  if (!rag) return <NoJudgement text="No rating" />;
  // A span, not GOV.UK's <strong>: Chromium tags <strong> in the PDF as /Strong, a PDF 2.0 type that
  // PDF 1.4 readers cannot map, so the rating would be empty in the tag tree. The words carry it.
  return <span className={`${RAG_TAG_CLASS[rag]} app-rag`}>{RAG_LABEL[rag]}</span>;
}

/** The movement in the one way the app says it (lib/judgement/movement-words.ts): "▼ Down 524 (28.2%), better". */
export function DirectionOfTravel({ direction, change }: { direction: Direction | null; change?: string | null }) {
  if (!direction) return <NoJudgement text="No comparison" />;
  const d = describeDirection(direction, change);
  return (
    <span className={`app-travel app-travel--${direction.verdict.toLowerCase().replace("_", "-")}`}>
      <span className="app-travel__symbol" aria-hidden="true">
        {d.symbol}
      </span>{" "}
      {d.text}
    </span>
  );
}

/** A dash for sighted readers, words for screen readers. */
export function NoJudgement({ text }: { text: string }) {
  return (
    <>
      <span aria-hidden="true" className="app-secondary-text">
        –
      </span>
      <span className="govuk-visually-hidden">{text}</span>
    </>
  );
}
