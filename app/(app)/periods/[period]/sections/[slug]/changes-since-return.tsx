// For the director reviewing a resubmission: what they (or another director) asked for when it was
// returned, and what the lead changed since, word by word.
import type { SinceReturn } from "@/lib/commentary/load-resubmission";
import { formatDateTime } from "@/lib/format/dates";
import { CommentaryDiff } from "@/components/commentary-diff";

export function ChangesSinceReturn({ comment, returnedBody, currentBody }: SinceReturn & { currentBody: string }) {
  const unchanged = returnedBody === currentBody;
  return (
    <section aria-labelledby="since-return-title" className="app-since-return">
      <h3 className="govuk-heading-m" id="since-return-title">
        Resubmitted after it was {comment.action === "REOPEN" ? "reopened" : "returned"}
      </h3>
      <div className="govuk-inset-text app-review-comment">
        <h4 className="govuk-heading-s">
          {comment.action === "REOPEN" ? "Reopened" : "Returned for changes"} by {comment.authorName}, {formatDateTime(comment.createdAt)}
        </h4>
        <p className="govuk-body app-preserve-lines">{comment.body}</p>
      </div>
      <h4 className="govuk-heading-s">Changes since then</h4>
      {unchanged ? (
        <p className="govuk-body">The text has not changed since it was returned.</p>
      ) : (
        <>
          <p className="govuk-body-s">Removed words are struck through, added words are underlined in bold.</p>
          <CommentaryDiff before={returnedBody} after={currentBody} />
        </>
      )}
    </section>
  );
}
