import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { formatMonth, isMonth } from "@/lib/format/dates";
import { PERIOD_STATUS_LABEL } from "@/lib/periods/period-status";
import { findValueGrid } from "@/lib/values/find-value-grid";
import { GridErrors } from "./grid-errors";
import { ValueTable } from "./value-table";
import { Breadcrumbs } from "@/components/breadcrumbs";

type Props = { params: Promise<{ period: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { period } = await params;
  return { title: isMonth(period) ? `Values for ${formatMonth(period)}` : "Values" };
}

export default async function ValuesPage({ params }: Props) {
  const user = await requirePermission("period.view");
  const { period: month } = await params;
  const grid = await findValueGrid(user, month);
  if (!grid) notFound();

  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/periods", text: "Periods" },
          { href: `/periods/${month}`, text: formatMonth(month) },
        ]}
      />
      <span className="govuk-caption-l">{formatMonth(month)}</span>
      <h1 className="govuk-heading-xl">Values</h1>
      <p className="govuk-body">
        <a className="govuk-link" href={`/api/periods/${month}/values.csv`} download>
          Download this month&rsquo;s values (CSV)
        </a>
      </p>
      {!grid.editable ? (
        <div className="govuk-inset-text">
          This month&rsquo;s pack is {PERIOD_STATUS_LABEL[grid.period.status].toLowerCase()}, so its figures cannot change. The director
          must start an amendment first.
        </div>
      ) : grid.canEditAny ? (
        <p className="govuk-body">
          Enter this month&rsquo;s figure for each indicator in your sections and save each one. If a figure cannot be provided, tick
          &ldquo;Not available&rdquo; and say why.
          {grid.period.commentaryFirstSubmittedAt
            ? " Commentary has been submitted, so any figure you change now is marked “Revised”."
            : ""}
        </p>
      ) : (
        <p className="govuk-body">You can read these figures. Only the section&rsquo;s owners and administrators can change them.</p>
      )}
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">How RAG and direction of travel are worked out</span>
        </summary>
        <div className="govuk-details__text">
          <p className="govuk-body">
            RAG compares this month with the target in force for this month. Green: the target is met. Amber: short of the target, but
            within its tolerance. Red: short by more than the tolerance. Volume measures, where neither higher nor lower is better, have no
            rating.
          </p>
          <p className="govuk-body">
            Direction of travel compares this month with last month and with the same month last year. The arrow shows which way the figure
            moved; the words say whether that is an improvement. Figures that read the same at the indicator&rsquo;s decimal places show
            &ldquo;No change&rdquo;.
          </p>
        </div>
      </details>
      <GridErrors>
        {grid.sections.map((section, i) => (
          <ValueTable key={section.id} section={section} months={grid.months} index={i} />
        ))}
      </GridErrors>
    </>
  );
}
