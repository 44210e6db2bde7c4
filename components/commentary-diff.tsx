// Two versions of a commentary, word by word: removed words struck through, added words underlined
// in bold, and each change named ("added", "removed") for screen readers, so nothing relies on colour.
import { wordDiff } from "@/lib/commentary/word-diff";

export function CommentaryDiff({ before, after }: { before: string; after: string }) {
  return (
    <p className="govuk-body app-diff app-preserve-lines">
      {wordDiff(before, after).map((p, j) =>
        p.kind === "same" ? (
          <span key={j}>{p.text}</span>
        ) : p.kind === "added" ? (
          <ins key={j}>
            <span className="govuk-visually-hidden">[added: </span>
            {p.text}
            <span className="govuk-visually-hidden">]</span>
          </ins>
        ) : (
          <del key={j}>
            <span className="govuk-visually-hidden">[removed: </span>
            {p.text}
            <span className="govuk-visually-hidden">]</span>
          </del>
        ),
      )}
    </p>
  );
}
