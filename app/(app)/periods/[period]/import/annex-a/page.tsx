import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { formatMonth, isMonth } from "@/lib/format/dates";
import { findPeriodByMonth } from "@/lib/periods/find-period";
import { areFiguresEditable } from "@/lib/periods/period-lifecycle";
import { PERIOD_STATUS_LABEL } from "@/lib/periods/period-status";
import { findPopulationForMonth } from "@/lib/population/find-population-for-month";
import { defaultAnnexADates } from "@/lib/annex-a/annex-a-input";
import { readAnnexARefusal } from "@/lib/annex-a/annex-a-answer";
import { FIGURE_RULES, NOT_FROM_ANNEX_A } from "@/lib/annex-a/figure-rules";
import { LISTS } from "@/lib/annex-a/list-columns";
import { firstOfMonthBefore, longDate, monthBounds } from "@/lib/annex-a/calendar";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { AnnexAUploadForm } from "./annex-a-upload-form";

type Props = { params: Promise<{ period: string }>; searchParams: Promise<{ annexA?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { period } = await params;
  return {
    title: isMonth(period) ? `Compute figures from Annex A lists for ${formatMonth(period)}` : "Compute figures from Annex A lists",
  };
}

/** "2020-03-31" or "31/3/2020" as the date boxes' day, month and year. */
function parts(date: string): { day: string; month: string; year: string } {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (iso) return { day: String(Number(iso[3])), month: String(Number(iso[2])), year: iso[1] };
  const [day = "", month = "", year = ""] = date.split("/");
  return { day, month, year };
}

export default async function AnnexAUploadPage({ params, searchParams }: Props) {
  const user = await requirePermission("value.import");
  const { period: month } = await params;
  const period = isMonth(month) ? await findPeriodByMonth(month) : null;
  if (!period) notFound();
  const name = formatMonth(month);
  const refusal = readAnnexARefusal(month, (await searchParams).annexA);
  const defaults = defaultAnnexADates(month);
  const population = await findPopulationForMonth(month);
  const yearFrom = longDate(firstOfMonthBefore(monthBounds(month).S, 11));
  const heading = (
    <>
      <span className="govuk-caption-l">{name}</span>
      <h1 className="govuk-heading-xl">Compute figures from Annex A lists</h1>
    </>
  );
  const crumbs = (
    <Breadcrumbs
      items={[
        { href: "/periods", text: "Periods" },
        { href: `/periods/${month}`, text: name },
        { href: `/periods/${month}/import`, text: "Import values" },
      ]}
    />
  );

  if (!areFiguresEditable(period.status)) {
    return (
      <>
        {crumbs}
        {heading}
        <div className="govuk-inset-text">
          This month&rsquo;s pack is {PERIOD_STATUS_LABEL[period.status].toLowerCase()}, so its figures cannot change. The director must
          start an amendment first.
        </div>
      </>
    );
  }
  return (
    <>
      {crumbs}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AnnexAUploadForm
            action={`/api/periods/${month}/annex-a`}
            heading={heading}
            initialErrors={refusal?.errors ?? {}}
            asAt={parts(refusal?.typed.asAt || defaults.asAt)}
            coversFrom={parts(refusal?.typed.coversFrom || defaults.coversFrom)}
            neededFrom={yearFrom}
          >
            <p className="govuk-body">
              Upload the council&rsquo;s Annex A case lists (the workbook prepared for Ofsted, one sheet per list) and Scrutiny Pack works
              out {name}&rsquo;s figures from them by the rules written out below. You will see every figure beside the value {name} holds
              now, with the problems found in the lists, before anything changes.
            </p>
            <div className="govuk-inset-text">
              No child&rsquo;s details are kept. The workbook is read in memory and forgotten: only each figure, its numerator and
              denominator, the dates, the file&rsquo;s SHA-256 fingerprint and the number and position of any problems are kept.
            </div>
            {population ? (
              <p className="govuk-body">
                Rates per 10,000 use {population.count.toLocaleString("en-GB")} children aged 0 to 17 (the {population.year} estimate).
              </p>
            ) : (
              <div className="govuk-warning-text">
                <span className="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <strong className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">Warning</span>
                  No child population is recorded for {month.slice(0, 4)} or earlier, so rates per 10,000 will be left out.{" "}
                  {can(user.role, "population.manage") ? (
                    <Link className="govuk-link" href="/admin/population">
                      Add the child population
                    </Link>
                  ) : null}
                </strong>
              </div>
            )}
            <details className="govuk-details">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">What the workbook needs</span>
              </summary>
              <div className="govuk-details__text">
                <p className="govuk-body">
                  Sheets named List 1, List 3 and so on (List1, L1 or &ldquo;List 1 - Contacts&rdquo; work too), each with its column
                  headings in row 1. Headings are read with capitals, spaces and punctuation ignored; other columns are ignored. A list or
                  column that is missing leaves out only the figures that need it.
                </p>
                <ul className="govuk-list govuk-list--bullet">
                  {LISTS.map((l) => (
                    <li key={l.list}>
                      List {l.list}, {l.title}: Child Unique ID, {l.columns.map((c) => c.name).join(", ")}
                    </li>
                  ))}
                </ul>
                <p className="govuk-body">
                  Dates may be date cells, day/month/year (03/04/2020) or year-month-day. Codes may keep Ofsted&rsquo;s letter (&ldquo;a)
                  Yes&rdquo;) or not.
                </p>
              </div>
            </details>
            <details className="govuk-details">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">The {FIGURE_RULES.length} figures and their rules</span>
              </summary>
              <div className="govuk-details__text">
                <dl className="govuk-summary-list">
                  {FIGURE_RULES.map((r) => (
                    <div className="govuk-summary-list__row" key={r.code}>
                      <dt className="govuk-summary-list__key">
                        <code>{r.code}</code>
                      </dt>
                      <dd className="govuk-summary-list__value">
                        List {r.list}. {r.rule}
                      </dd>
                    </div>
                  ))}
                </dl>
                <p className="govuk-body">
                  Not worked out from the lists, and kept as typed or imported:{" "}
                  {Object.entries(NOT_FROM_ANNEX_A)
                    .map(([code, why]) => `${code} (${why})`)
                    .join("; ")}
                  .
                </p>
              </div>
            </details>
          </AnnexAUploadForm>
        </div>
      </div>
    </>
  );
}
