import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { loadForPage } from "@/lib/page-guards";
import { loadCommentaryHistory } from "@/lib/commentary/load-section-workspace";
import { wordDiff } from "@/lib/commentary/word-diff";
import { roleLabel } from "@/lib/auth/roles";
import { formatDateTime, formatMonth } from "@/lib/format/dates";

export const metadata: Metadata = { title: "Commentary history" };

const REVIEW_WORDS: Record<string, string> = {
  SUBMIT: "Submitted for review",
  RETURN: "Returned for changes",
  APPROVE: "Approved",
  REOPEN: "Reopened",
};

export default async function CommentaryHistoryPage({ params }: { params: Promise<{ period: string; slug: string }> }) {
  const user = await requirePermission("commentary.view");
  const { period: month, slug } = await params;
  const h = await loadForPage(loadCommentaryHistory(user, month, slug));
  return (
    <>
      <a href={`/periods/${month}/sections/${slug}`} className="govuk-back-link">
        Back to the commentary
      </a>
      <span className="govuk-caption-l">
        {h.section.name}, {formatMonth(month)}
      </span>
      <h1 className="govuk-heading-xl">Commentary history</h1>
      {h.events.length === 0 ? <p className="govuk-body">Nothing has been saved yet.</p> : null}
      <ol className="app-history">
        {h.events.map((e, i) => (
          <li key={i} className="app-history__item">
            {e.kind === "revision" ? (
              <>
                <h2 className="govuk-heading-s">
                  Revision {e.number}: {e.authorName}, {roleLabel[e.authorRole]}, {formatDateTime(e.at)}
                </h2>
                <p className="govuk-body-s">
                  Changes from {e.number === 1 ? "an empty page" : `revision ${e.number - 1}`}: removed words are struck through, added
                  words are underlined.
                </p>
                <p className="govuk-body app-diff app-preserve-lines">
                  {wordDiff(e.previousBody, e.body).map((p, j) =>
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
              </>
            ) : (
              <>
                <h2 className="govuk-heading-s">
                  {REVIEW_WORDS[e.action] ?? e.action}: {e.authorName}, {roleLabel[e.authorRole]}, {formatDateTime(e.at)}
                </h2>
                {e.body ? <p className="govuk-body app-preserve-lines">{e.body}</p> : null}
              </>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
