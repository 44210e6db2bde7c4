import { countCatalogue } from "@/lib/home/home-summary";

export async function AdminHome() {
  const counts = await countCatalogue();
  return (
    <>
      <h1 className="govuk-heading-xl">Administration</h1>
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
