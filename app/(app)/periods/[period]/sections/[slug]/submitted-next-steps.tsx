// What a lead sees once they have submitted: what happens next, by when, and the way back
// (withdrawing the submission) until the director approves or returns it.
import { formatDate } from "@/lib/format/dates";
import { WithdrawForm } from "./commentary-forms";

export function SubmittedNextSteps({
  month,
  slug,
  version,
  approvalDue,
  emailOn,
}: {
  month: string;
  slug: string;
  version: number;
  approvalDue: string | null;
  emailOn: boolean;
}) {
  return (
    <section aria-labelledby="next-steps-title" className="app-next-steps">
      <h2 className="govuk-heading-m" id="next-steps-title">
        What happens next
      </h2>
      <p className="govuk-body">
        The director will review your commentary and either approve it or return it to you with a comment
        {approvalDue ? <>. They aim to finish reviewing by {formatDate(approvalDue)}</> : null}.
        {emailOn ? " You will get an email when they do." : " You will see their decision on this page."}
      </p>
      <p className="govuk-body">
        Until the director acts, you can withdraw your submission to change something. It goes back to draft
        {emailOn ? ", the director is told by email" : ""} and you submit it again when it is ready.
      </p>
      <WithdrawForm month={month} slug={slug} version={version} />
    </section>
  );
}
