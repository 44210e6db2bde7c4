import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format/dates";
import { listRecommendations, type RecommendationRow } from "@/lib/recommendations/find-recommendations";
import { RECOMMENDATION_STATE_LABEL, RECOMMENDATION_TAG_CLASS } from "@/lib/recommendations/recommendation-workflow";
import { GovukTable } from "@/components/govuk-table";

export const metadata: Metadata = { title: "Recommendations" };

/** The response column: due or overdue while awaited (words, and a symbol screen readers skip), else what happened. */
function ResponseCell({ r }: { r: Pick<RecommendationRow, "due" | "respondedAt" | "closedAt"> }) {
  if (r.due)
    return (
      <span className={r.due.overdue ? "app-deadline--overdue" : undefined}>
        <span aria-hidden="true">{r.due.symbol} </span>
        {r.due.text}
      </span>
    );
  if (r.respondedAt) return <>Responded {formatDate(r.respondedAt)}</>;
  return <>Closed {r.closedAt ? formatDate(r.closedAt) : ""} without a response</>;
}

function RecommendationTable({ caption, rows, empty }: { caption: string; rows: RecommendationRow[]; empty: string }) {
  return (
    <GovukTable
      caption={caption}
      captionSize="m"
      scroll={{ label: caption, className: "app-scroll-region--spaced" }}
      rows={rows}
      rowKey={(r) => r.id}
      empty={
        <>
          <h2 className="govuk-heading-m">{caption}</h2>
          <p className="govuk-body">{empty}</p>
        </>
      }
      columns={[
        {
          header: "Recommendation",
          rowHeader: true,
          cell: (r) => (
            <Link className="govuk-link" href={`/recommendations/${r.id}`}>
              {r.name}
            </Link>
          ),
        },
        { header: "Meeting", cell: (r) => formatDate(r.meetingDate) },
        { header: "To", cell: (r) => r.addressedTo },
        {
          header: "Status",
          cell: (r) => (
            <strong className={`govuk-tag ${RECOMMENDATION_TAG_CLASS[r.status]}`}>{RECOMMENDATION_STATE_LABEL[r.status]}</strong>
          ),
        },
        { header: "Response", cell: (r) => <ResponseCell r={r} /> },
      ]}
    />
  );
}

export default async function RecommendationsPage() {
  const user = await requirePermission("recommendation.view");
  const rows = await listRecommendations(user);
  return (
    <>
      <h1 className="govuk-heading-xl">Recommendations</h1>
      <p className="govuk-body">
        What the scrutiny panel recommended at its meetings, and the executive&rsquo;s response to each: due two calendar months after the
        meeting.
      </p>
      {can(user.role, "recommendation.record") ? (
        <Link href="/recommendations/new" role="button" draggable={false} className="govuk-button" data-module="govuk-button">
          Record a recommendation
        </Link>
      ) : null}
      <RecommendationTable caption="Open recommendations" rows={rows.filter((r) => r.open)} empty="No open recommendations." />
      <RecommendationTable
        caption="Closed recommendations"
        rows={rows.filter((r) => !r.open)}
        empty="No recommendation has been implemented or closed yet."
      />
    </>
  );
}
