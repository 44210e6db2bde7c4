import Link from "next/link";
import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { PlanMeetingsForm } from "./plan-form";

export const metadata: Metadata = { title: "Panel dates for the year" };

type Props = { searchParams: Promise<{ created?: string; moved?: string; unchanged?: string }> };

export default async function PlanMeetingsPage({ searchParams }: Props) {
  await requirePermission("period.open");
  const q = await searchParams;
  const n = (s?: string) => Math.max(0, Number.parseInt(s ?? "0", 10) || 0);
  return (
    <>
      <Breadcrumbs items={[{ href: "/periods", text: "Periods" }]} />
      {q.created !== undefined ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="plan-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="plan-title">
              Success
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">
              Panel dates saved: {n(q.created)} period{n(q.created) === 1 ? "" : "s"} created, {n(q.moved)} moved to a new date,{" "}
              {n(q.unchanged)} unchanged
            </p>
          </div>
        </div>
      ) : null}
      <h1 className="govuk-heading-xl">Panel dates for the year</h1>
      <p className="govuk-body">
        Enter the year&rsquo;s scrutiny panel dates at once. Each creates the period it reports on, ahead of time, with its deadlines; an
        open period&rsquo;s date moves to the new one. Signed-off periods are left as they are.
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PlanMeetingsForm />
        </div>
      </div>
      <h2 className="govuk-heading-m">Links for the committee system</h2>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" href="/packs/latest">
            /packs/latest
          </Link>
          : the latest published pack
        </li>
        <li>
          <Link className="govuk-link" href="/packs/calendar.ics">
            /packs/calendar.ics
          </Link>
          : the panel dates as a calendar feed, each with its pack&rsquo;s link once published
        </li>
      </ul>
    </>
  );
}
