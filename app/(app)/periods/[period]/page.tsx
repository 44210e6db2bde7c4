import Link from "next/link";
import { TaskList } from "@/components/task-list";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { STATE_LABEL, STATE_TAG_CLASS } from "@/lib/commentary/workflow";
import { formatDate, formatDateTime, formatMonth, isMonth } from "@/lib/format/dates";
import { describeValuesProgress, findPeriodOverview } from "@/lib/periods/find-period-overview";
import { PERIOD_STATUS_LABEL, PERIOD_STATUS_TAG_CLASS } from "@/lib/periods/period-status";
import type { PeriodStatus } from "@/lib/generated/prisma/enums";
import { PackControls, PublishedNote } from "./pack-controls";
import { can } from "@/lib/auth/permissions";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { DeadlineTable } from "@/components/deadlines/deadline-table";
import { describeTimeLeft } from "@/lib/deadlines/deadline-state";
import { NotificationBanner } from "@/components/notification-banner";
import { WarningText } from "@/components/warning-text";

type Props = { params: Promise<{ period: string }>; searchParams: Promise<{ opened?: string; done?: string }> };

// What the director's pack actions (pack-actions.ts) say when they come back here; shown only while
// the period is still in the state the action left it in (not from an old bookmarked address).
const DONE: Record<string, { status: PeriodStatus; message: (month: string) => string }> = {
  "signed-off": { status: "SIGNED_OFF", message: (m) => `The ${formatMonth(m)} pack is signed off: its figures and commentary are frozen` },
  published: { status: "PUBLISHED", message: (m) => `The ${formatMonth(m)} pack is published to the scrutiny panel` },
  amending: { status: "AMENDING", message: (m) => `Amendment started: the ${formatMonth(m)} pack can be changed, then signed off again` },
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { period } = await params;
  return { title: isMonth(period) ? formatMonth(period) : "Period" };
}

export default async function PeriodPage({ params, searchParams }: Props) {
  const user = await requirePermission("period.view");
  const { period: month } = await params;
  const { opened, done } = await searchParams;
  const o = await findPeriodOverview(user, month);
  if (!o) notFound();
  const { period, values } = o;
  const base = `/periods/${month}`;
  const { deadlines } = o;
  // A history month has no panel, so no deadlines.
  const publication = deadlines ? deadlines.steps[deadlines.steps.length - 1] : null;
  const { questions } = o;

  return (
    <>
      <Breadcrumbs items={[{ href: "/periods", text: "Periods" }]} />
      {opened === "1" ? (
        <NotificationBanner id="opened-title" heading={`${formatMonth(month)} is open for figures and commentary`}>
          {deadlines && publication?.state === "LATE" ? (
            <p className="govuk-body">
              Publication is already {describeTimeLeft(publication.workingDaysLeft)}: for a meeting on {formatDate(deadlines.meeting)} the
              papers had to be published by {formatDate(deadlines.statutory)}.
            </p>
          ) : null}
        </NotificationBanner>
      ) : null}
      {done && DONE[done]?.status === period.status ? (
        <NotificationBanner id="done-title" heading={DONE[done].message(month)} focusKey={`${done}-${period.version}`}>
          {done === "published" ? <PublishedNote month={month} /> : null}
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">Period</span>
      <h1 className="govuk-heading-xl">{formatMonth(month)}</h1>

      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Status</dt>
          <dd className="govuk-summary-list__value">
            <strong className={`govuk-tag ${PERIOD_STATUS_TAG_CLASS[period.status]}`}>{PERIOD_STATUS_LABEL[period.status]}</strong>
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Panel meeting date</dt>
          <dd className="govuk-summary-list__value">
            {period.panelMeetingDate ? formatDate(period.panelMeetingDate) : "None: a history month has figures only"}
          </dd>
        </div>
        {deadlines ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Publish by</dt>
            <dd className="govuk-summary-list__value">
              {formatDate(deadlines.statutory)}
              <p className="govuk-body-s govuk-!-margin-bottom-0 govuk-!-margin-top-1">
                Five clear days before the meeting, not counting weekends and bank holidays (Local Government Act 1972).
              </p>
            </dd>
          </div>
        ) : null}
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Opened</dt>
          <dd className="govuk-summary-list__value">
            {formatDateTime(period.createdAt)}
            {o.openedByName ? ` by ${o.openedByName}` : ""}
          </dd>
        </div>
        {period.commentaryFirstSubmittedAt ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Commentary first submitted</dt>
            <dd className="govuk-summary-list__value">
              {formatDateTime(period.commentaryFirstSubmittedAt)}
              <p className="govuk-body-s govuk-!-margin-bottom-0 govuk-!-margin-top-1">
                Figures changed after this are marked &ldquo;Revised&rdquo;.
              </p>
            </dd>
          </div>
        ) : null}
      </dl>

      {deadlines?.atRisk ? (
        <WarningText>
          This pack is at risk of missing its statutory date: it must be published by {formatDate(deadlines.statutory)} (
          {describeTimeLeft(publication!.workingDaysLeft)}).
        </WarningText>
      ) : null}
      {deadlines && !deadlines.bankHolidaysKnown ? (
        <p className="govuk-body">
          The bank holidays for {deadlines.meeting.slice(0, 4)} are not in Scrutiny Pack yet, so these dates count only weekends as
          non-working days.
        </p>
      ) : null}
      {deadlines ? <DeadlineTable deadlines={deadlines} caption="Deadlines" /> : null}

      {o.history ? (
        <div className="govuk-inset-text">
          {formatMonth(month)} is a history month, from before the first month opened in Scrutiny Pack: it holds figures only, with no
          commentary and no pack. Its figures count as published in trends and comparisons, and an administrator can correct them.
        </div>
      ) : !o.editable ? (
        <div className="govuk-inset-text">
          This month&rsquo;s pack is {PERIOD_STATUS_LABEL[period.status].toLowerCase()}, so its figures and commentary cannot change. The
          director must start an amendment first.
        </div>
      ) : null}

      {o.missingNotice ? (
        <div className="govuk-inset-text" id="missing-months">
          {o.missingNotice}.
          {o.may.import || can(user.role, "value.import") ? (
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
      <h2 className="govuk-heading-m">Figures</h2>
      <TaskList
        items={[
          {
            id: "task-values",
            name: "Values",
            href: `${base}/values`,
            hint: (
              <>
                {describeValuesProgress(values)}
                {o.revisedCount > 0 ? `. ${o.revisedCount} revised after commentary was submitted` : ""}
              </>
            ),
            status:
              values.indicators > 0 && values.missing === 0 ? (
                "Completed"
              ) : (
                <strong className="govuk-tag govuk-tag--teal">
                  {values.withValue + values.notAvailable === 0 ? "Not started" : "Incomplete"}
                </strong>
              ),
          },
        ]}
      />
      {o.may.import ? (
        <a
          href={`${base}/import`}
          role="button"
          draggable="false"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
        >
          Import values
        </a>
      ) : null}

      {o.history ? null : (
        <>
          <h2 className="govuk-heading-m">Commentary</h2>
          {o.sections.length === 0 ? (
            <p className="govuk-body">There are no sections yet.</p>
          ) : (
            <TaskList
              items={o.sections.map((s, i) => ({
                id: `task-section-${i}`,
                name: s.name,
                href: `${base}/sections/${s.slug}`,
                hint: (
                  <>
                    {s.owners.length ? `Owned by ${s.owners.join(", ")}` : "No owner yet"}; {s.indicators} indicator
                    {s.indicators === 1 ? "" : "s"}
                  </>
                ),
                status: <strong className={`govuk-tag ${STATE_TAG_CLASS[s.state]}`}>{STATE_LABEL[s.state]}</strong>,
              }))}
            />
          )}

          {questions ? (
            <>
              <h2 className="govuk-heading-m">Questions from the panel</h2>
              <p className="govuk-body">
                <a className="govuk-link" href={`${base}/questions`}>
                  Questions from the panel
                  {questions.asked ? `: ${questions.waiting} waiting for an answer` : ": none asked yet"}
                </a>
                {questions.forYou ? ` (${questions.forYou} for you to answer or review)` : ""}
              </p>
            </>
          ) : null}

          <PackControls
            user={user}
            month={month}
            status={period.status}
            version={period.version}
            readiness={o.readiness}
            amendmentReason={period.amendmentReason}
          />
        </>
      )}
    </>
  );
}
