import Link from "next/link";
import { SummaryRow } from "@/components/summary-list";
import { countCatalogue } from "@/lib/home/home-summary";
import { findAdminTasks } from "@/lib/tasks/find-tasks";
import { formatMonth } from "@/lib/format/dates";
import { TaskList } from "@/components/task-list";
import { StepHint } from "@/components/deadlines/step-hint";

export async function AdminHome() {
  const [counts, periods] = await Promise.all([countCatalogue(), findAdminTasks()]);
  return (
    <>
      <h1 className="govuk-heading-xl">Administration</h1>
      <h2 className="govuk-heading-m">Values for open periods</h2>
      {periods.length === 0 ? (
        <p className="govuk-body">
          No period is open.{" "}
          <Link className="govuk-link" href="/periods">
            Open a period
          </Link>
        </p>
      ) : (
        <TaskList
          items={periods.map((p) => ({
            id: `values-${p.month}`,
            name: formatMonth(p.month),
            href: `/periods/${p.month}/values`,
            hint: (
              <>
                {p.have} of {p.total} indicators have a value. <StepHint step={p.valuesStep} />
              </>
            ),
            status:
              p.missing === 0 ? (
                <strong className="govuk-tag govuk-tag--green">Complete</strong>
              ) : (
                <strong className="govuk-tag govuk-tag--orange">{p.missing} missing</strong>
              ),
          }))}
        />
      )}
      <h2 className="govuk-heading-m">Catalogue</h2>
      <dl className="govuk-summary-list">
        <SummaryRow label="Active indicators">{counts.indicators.toLocaleString("en-GB")}</SummaryRow>
        <SummaryRow label="Sections">{counts.sections.toLocaleString("en-GB")}</SummaryRow>
        <SummaryRow label="Active users">{counts.users.toLocaleString("en-GB")}</SummaryRow>
        <SummaryRow label="Periods opened">{counts.periods.toLocaleString("en-GB")}</SummaryRow>
      </dl>
      <p className="govuk-body">
        <Link className="govuk-link" href="/admin">
          Go to administration
        </Link>
      </p>
    </>
  );
}
