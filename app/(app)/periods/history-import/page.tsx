import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { formatMonth } from "@/lib/format/dates";
import { describeFileError, readFileErrorParam } from "@/lib/import/file-errors";
import { UploadForm } from "../[period]/import/upload-form";
import { Breadcrumbs } from "@/components/breadcrumbs";

export const metadata: Metadata = { title: "Import figures for many months" };

type Props = { searchParams: Promise<{ error?: string }> };

export default async function HistoryImportPage({ searchParams }: Props) {
  await requirePermission("value.import");
  const fileError = readFileErrorParam((await searchParams).error);
  const heading = (
    <>
      <span className="govuk-caption-l">Periods</span>
      <h1 className="govuk-heading-xl">Import figures for many months</h1>
    </>
  );
  return (
    <>
      <Breadcrumbs items={[{ href: "/periods", text: "Periods" }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <UploadForm
            action="/api/history-imports"
            initialError={fileError ? describeFileError(fileError, formatMonth) : undefined}
            heading={heading}
          >
            <p className="govuk-body">
              Upload one file holding many months of figures, such as the last two years&rsquo; scorecard. You will see, month by month,
              what would be created or changed before anything is imported, and nothing is imported unless every row is correct.
            </p>
            <ul className="govuk-list govuk-list--bullet">
              <li>
                Months before the first month opened here become <strong>history months</strong>: figures only, with no commentary and no
                pack. They count as published figures in trends and comparisons.
              </li>
              <li>Rows for a month that is open go into that month, as an import on its own page would.</li>
              <li>Rows for a month that is signed off or published are refused: its figures change only through an amendment.</li>
            </ul>
            <h2 className="govuk-heading-s">What the file needs</h2>
            <ul className="govuk-list govuk-list--bullet">
              <li>
                A scorecard: one row per indicator, found by its <code>indicator_code</code> or its exact catalogue name in an{" "}
                <code>indicator</code> column, and one column per month headed Apr-19, April 2019, 2019-04, 04/2019 or an Excel date. Empty
                cells are left as they are.
              </li>
              <li>
                Or one row per indicator and month, with the columns <code>indicator_code</code>, <code>period</code> (YYYY-MM) and{" "}
                <code>value</code>, and if you like <code>note</code>.
              </li>
            </ul>
          </UploadForm>
        </div>
      </div>
    </>
  );
}
