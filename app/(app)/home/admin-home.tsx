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
        <p className="govuk-body">No period is open. <a className="govuk-link" href="/periods">Open a period</a></p>
      ) : (
        <TaskList items={periods.map((p) => ({
          id: `values-${p.month}`,
          name: formatMonth(p.month),
          href: `/periods/${p.month}/values`,
          hint: <>{p.have} of {p.total} indicators have a value. <StepHint step={p.valuesStep} /></>,
          status: p.missing === 0
            ? <strong className="govuk-tag govuk-tag--green">Complete</strong>
            : <strong className="govuk-tag govuk-tag--orange">{p.missing} missing</strong>,
        }))} />
      )}
      <h2 className="govuk-heading-m">Catalogue</h2>
      <dl className="govuk-summary-list">
        <Row label="Active indicators" value={counts.indicators} />
        <Row label="Sections" value={counts.sections} />
        <Row label="Active users" value={counts.users} />
        <Row label="Periods opened" value={counts.periods} />
      </dl>
      <p className="govuk-body"><a className="govuk-link" href="/admin">Go to administration</a></p>
    </>
  );
}

function Row({ label, value }: { label: string; value: number }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{value.toLocaleString("en-GB")}</dd>
    </div>
  );
}
