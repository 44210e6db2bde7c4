import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import type { Metadata } from "next";
import { getCurrentUser, requirePermission } from "@/lib/auth/current-user";
import { sectionNameForTitle } from "@/lib/page-names";
import { loadForPage } from "@/lib/page-guards";
import { loadSectionWorkspace } from "@/lib/commentary/load-section-workspace";
import { STATE_LABEL, STATE_TAG_CLASS } from "@/lib/commentary/workflow";
import { formatDateTime, formatMonth } from "@/lib/format/dates";
import { CommentaryMarkdown } from "@/components/commentary-markdown";
import { NotificationBanner } from "@/components/notification-banner";
import { SectionFigures } from "./section-figures";
import { CommentaryEditor, ReopenForm, ReviewForm } from "./commentary-forms";
import { SubmittedNextSteps } from "./submitted-next-steps";
import { ChangesSinceReturn } from "./changes-since-return";
import { DeadlineTable } from "@/components/deadlines/deadline-table";
import { ExceptionActionsPanel } from "./exception-actions-panel";

type Props = { params: Promise<{ period: string; slug: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { period, slug } = await params;
  const name = await sectionNameForTitle(await getCurrentUser(), decodeURIComponent(slug));
  return { title: `${name ? `${name}: commentary` : "Section commentary"}, ${formatMonth(period)}` };
}

const DONE_MESSAGE: Record<string, string> = {
  saved: "Draft saved",
  submitted: "Commentary submitted for review",
  withdrawn: "Submission withdrawn: the commentary is a draft again",
  approved: "Commentary approved",
  returned: "Commentary returned to the service lead",
  reopened: "Commentary reopened and returned to the service lead",
  "action-recorded": "Action recorded",
  "action-complete": "Action marked as done",
  "action-drop": "Action dropped",
  "action-reopen": "Action reopened",
  "action-edit": "Action changed",
};

export default async function SectionCommentaryPage({ params, searchParams }: Props) {
  const user = await requirePermission("commentary.view");
  const { period: month, slug } = await params;
  const { done } = await searchParams;
  const w = await loadForPage(loadSectionWorkspace(user, month, slug));
  const where = { month, slug, version: w.commentary?.version ?? 0 };

  return (
    <>
      <a href={`/periods/${month}`} className="govuk-back-link">
        Back to {formatMonth(month)}
      </a>
      {done && DONE_MESSAGE[done] ? (
        <NotificationBanner id="done-title" heading={DONE_MESSAGE[done]} focusKey={`${done}-${where.version}`} />
      ) : null}
      <span className="govuk-caption-l">{formatMonth(month)}</span>
      <h1 className="govuk-heading-xl">{w.section.name}</h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Commentary</dt>
          <dd className="govuk-summary-list__value">
            <strong className={`govuk-tag ${STATE_TAG_CLASS[w.state]}`}>{STATE_LABEL[w.state]}</strong>
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Owned by</dt>
          <dd className="govuk-summary-list__value">{w.owners.length ? w.owners.join(", ") : "No owner yet"}</dd>
        </div>
        {w.commentary?.updatedByName ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Last changed</dt>
            <dd className="govuk-summary-list__value">
              {formatDateTime(w.commentary.updatedAt)} by {w.commentary.updatedByName}
            </dd>
          </div>
        ) : null}
      </dl>
      {w.may.withdraw ? (
        <SubmittedNextSteps
          {...where}
          approvalDue={w.deadlines?.steps.find((s) => s.key === "approval")?.due ?? null}
          emailOn={w.emailOn}
        />
      ) : null}
      {w.deadlines ? <DeadlineTable deadlines={w.deadlines} steps={w.deadlineSteps} caption="Deadlines for this section" /> : null}
      {!w.editable ? (
        <div className="govuk-inset-text">
          This pack is signed off, so its commentary cannot change. The director can start an amendment.
        </div>
      ) : null}
      {w.lastReturn ? (
        <div className="govuk-inset-text app-review-comment">
          <h2 className="govuk-heading-s">
            {w.lastReturn.action === "REOPEN" ? "Reopened" : "Returned for changes"} by {w.lastReturn.authorName},{" "}
            {formatDateTime(w.lastReturn.createdAt)}
          </h2>
          <p className="govuk-body app-preserve-lines">{w.lastReturn.body}</p>
        </div>
      ) : null}

      <h2 className="govuk-heading-l">Figures</h2>
      {w.missingNotice ? (
        <div className="govuk-inset-text">
          {w.missingNotice}.
          {can(user.role, "value.import") ? (
            <>
              {" "}
              <Link className="govuk-link" href="/periods/history-import">
                Import figures for those months
              </Link>
              .
            </>
          ) : null}
        </div>
      ) : null}
      <SectionFigures month={month} figures={w.figures} />

      <ExceptionActionsPanel month={month} slug={slug} exceptions={w.exceptions} mayChange={w.may.draft} reviewing={w.may.review} />

      <h2 className="govuk-heading-l">Commentary</h2>
      {w.may.draft ? (
        <CommentaryEditor
          key={where.version}
          {...where}
          initialBody={w.commentary?.body ?? ""}
          figuresSummary={w.figuresSummary}
          canSubmit={w.may.submit}
          withoutAction={w.withoutAction}
        />
      ) : w.may.review ? (
        <>
          {w.resubmission ? <ChangesSinceReturn {...w.resubmission} /> : null}
          <ReviewForm key={where.version} {...where} initialBody={w.commentary?.body ?? ""} />
        </>
      ) : w.commentary?.body ? (
        <CommentaryMarkdown body={w.commentary.body} />
      ) : (
        <p className="govuk-body">No commentary has been written yet.</p>
      )}
      {w.may.review && w.commentary?.body ? (
        <>
          <h3 className="govuk-heading-m">As the panel will read it</h3>
          <CommentaryMarkdown body={w.commentary.body} />
        </>
      ) : null}
      {w.may.reopen ? <ReopenForm key={where.version} {...where} /> : null}
      <p className="govuk-body">
        <a className="govuk-link" href={`/periods/${month}/sections/${slug}/history`}>
          History of this commentary
        </a>
      </p>
    </>
  );
}
