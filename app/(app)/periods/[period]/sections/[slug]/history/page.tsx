import type { Metadata } from "next";
import { getCurrentUser, requirePermission } from "@/lib/auth/current-user";
import { sectionNameForTitle } from "@/lib/page-names";
import { loadForPage } from "@/lib/page-guards";
import { loadCommentaryHistory } from "@/lib/commentary/load-section-workspace";
import { CommentaryDiff } from "@/components/commentary-diff";
import { roleLabel } from "@/lib/auth/roles";
import { formatDateTime, formatMonth, isMonth } from "@/lib/format/dates";

type Props = { params: Promise<{ period: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { period, slug } = await params;
  const name = await sectionNameForTitle(await getCurrentUser(), decodeURIComponent(slug));
  return { title: `${name ? `${name}: commentary history` : "Commentary history"}${isMonth(period) ? `, ${formatMonth(period)}` : ""}` };
}

const REVIEW_WORDS: Record<string, string> = {
  SUBMIT: "Submitted for review",
  RETURN: "Returned for changes",
  APPROVE: "Approved",
  REOPEN: "Reopened",
  WITHDRAW: "Submission withdrawn",
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
                <CommentaryDiff before={e.previousBody} after={e.body} />
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
