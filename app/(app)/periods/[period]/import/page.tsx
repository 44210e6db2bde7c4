import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { formatMonth, isMonth } from "@/lib/format/dates";
import { findPeriodByMonth } from "@/lib/periods/find-period";
import { areFiguresEditable } from "@/lib/periods/period-lifecycle";
import { PERIOD_STATUS_LABEL } from "@/lib/periods/period-status";
import { describeFileError, readFileErrorParam } from "@/lib/import/file-errors";
import { UploadForm } from "./upload-form";
import { Breadcrumbs } from "@/components/breadcrumbs";

type Props = { params: Promise<{ period: string }>; searchParams: Promise<{ error?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { period } = await params;
  return { title: isMonth(period) ? `Import values for ${formatMonth(period)}` : "Import values" };
}

export default async function ImportValuesPage({ params, searchParams }: Props) {
  await requirePermission("value.import");
  const { period: month } = await params;
  const period = await findPeriodByMonth(month);
  if (!period) notFound();
  const { error } = await searchParams;
  const fileError = readFileErrorParam(error);
  const name = formatMonth(month);
  const heading = (
    <>
      <span className="govuk-caption-l">{name}</span>
      <h1 className="govuk-heading-xl">Import values</h1>
    </>
  );

  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/periods", text: "Periods" },
          { href: `/periods/${month}`, text: name },
        ]}
      />
      {!areFiguresEditable(period.status) ? (
        <>
          {heading}
          <div className="govuk-inset-text">
            This month&rsquo;s pack is {PERIOD_STATUS_LABEL[period.status].toLowerCase()}, so its figures cannot change. The director must
            start an amendment first.
          </div>
        </>
      ) : (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <UploadForm
              action={`/api/periods/${month}/imports`}
              initialError={fileError ? describeFileError(fileError, formatMonth) : undefined}
              heading={heading}
            >
              <div className="govuk-inset-text" id="annex-a">
                <h2 className="govuk-heading-m">Compute the figures from Annex A lists</h2>
                <p className="govuk-body">
                  Upload the council&rsquo;s Annex A case lists and Scrutiny Pack works out 28 of the month&rsquo;s figures from them, each
                  with its rule and working, for you to check before anything changes.
                </p>
                <a
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                  href={`/periods/${month}/import/annex-a`}
                  role="button"
                  draggable="false"
                >
                  Compute figures from Annex A lists
                </a>
              </div>
              <h2 className="govuk-heading-m">Or import a file of figures</h2>
              <p className="govuk-body">
                Upload a spreadsheet of figures to add or update {name}&rsquo;s values in one go. You will see what each row would do before
                anything changes, and nothing is imported unless every row is correct.
              </p>
              <h2 className="govuk-heading-s">What the file needs</h2>
              <ul className="govuk-list govuk-list--bullet">
                <li>
                  A first row of column headings: <code>indicator_code</code> (or <code>code</code>) and <code>value</code>, and if you like{" "}
                  <code>period</code> and <code>note</code>. Capitals and spaces in headings do not matter; other columns are ignored.
                </li>
                <li>
                  One row per indicator. Counts are whole numbers; percentages are from 0 to 100 (58.1 or 58.1%); no figure may have more
                  decimal places than the indicator shows.
                </li>
                <li>
                  <code>period</code> is the month as YYYY-MM, for example {month}. Only rows for {name} are imported: rows for other months
                  are left out, so a file covering several months (such as the whole year&rsquo;s export) can be uploaded here and again on
                  each month&rsquo;s page. Without a period column, every row is for {name}.
                </li>
                <li>
                  Or a scorecard: one row per indicator, found by its <code>indicator_code</code> or by its exact catalogue name in an{" "}
                  <code>indicator</code> column, and one column per month headed Apr-19, April 2019, 2019-04, 04/2019 or an Excel date.
                  Empty cells are left as they are.
                </li>
                <li>
                  To record that a figure is not available, leave its value empty (or write n/a) and give the reason in the{" "}
                  <code>note</code> column.
                </li>
                <li>
                  If the file has a <code>note</code> column, each row&rsquo;s note replaces the note kept with that value, and an empty
                  note clears it. Without one, notes are left as they are.
                </li>
                <li>
                  CSV files must separate columns with commas (in Excel, save as &ldquo;CSV UTF-8&rdquo; or &ldquo;CSV&rdquo;);
                  Excel&rsquo;s &ldquo;Unicode Text&rdquo; (.txt) works too. In an XLSX workbook only the first sheet is read; formulas
                  count as the result Excel last saved.
                </li>
              </ul>
              <details className="govuk-details">
                <summary className="govuk-details__summary">
                  <span className="govuk-details__summary-text">An example file</span>
                </summary>
                <div className="govuk-details__text">
                  <pre
                    className="app-import-example"
                    role="region"
                    tabIndex={0}
                    aria-label="Example CSV file"
                  >{`indicator_code,period,value,note\nCONTACTS,${month},1337,\nASSESS_45WD_PCT,${month},58.0,\nCP_VISITS_TIMELY_PCT,${month},,Case system outage: not extracted`}</pre>
                </div>
              </details>
            </UploadForm>
          </div>
        </div>
      )}
    </>
  );
}
