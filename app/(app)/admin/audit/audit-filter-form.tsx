// The audit log's filters: a plain GET form, so a filtered view is a link that can be shared and
// the CSV export can use the same query string.
import Link from "next/link";
import { describeAction, describeEntityType } from "@/lib/audit/audit-labels";
import type { AuditFilters, SearchParams } from "@/lib/audit/audit-filters";
import { TextInput } from "@/components/form/text-input";
import { Select } from "@/components/form/select";
import { DateInput } from "@/components/form/date-input";

type Props = { filters: AuditFilters; raw: SearchParams; errors: Record<string, string>; actions: string[]; entityTypes: string[] };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

function dateParts(field: "from" | "to", filters: AuditFilters, raw: SearchParams) {
  const typed = ["day", "month", "year"].map((p) => first(raw[`${field}-${p}`]));
  if (typed.some(Boolean)) return typed;
  const value = filters[field];
  if (!value) return ["", "", ""];
  const [y, m, d] = value.split("-");
  return [String(Number(d)), String(Number(m)), y];
}

export function AuditFilterForm({ filters, raw, errors, actions, entityTypes }: Props) {
  return (
    <form method="get" action="/admin/audit" className="app-filter" role="search" aria-labelledby="filter-heading" noValidate>
      <h2 className="govuk-heading-m" id="filter-heading">
        Filter the log
      </h2>
      {filters.entityId ? <input type="hidden" name="entityId" value={filters.entityId} /> : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <TextInput
            id="who"
            labelSize="s"
            label="Who"
            hint="Part of a name or email address"
            type="search"
            defaultValue={filters.who ?? ""}
            spellCheck={false}
            autoComplete="off"
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <Select
            id="action"
            labelSize="s"
            label="What"
            selectClassName="app-full-width"
            defaultValue={filters.action ?? ""}
            options={[{ value: "", label: "Any action" }, ...actions.map((a) => ({ value: a, label: describeAction(a) }))]}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <Select
            id="entity"
            labelSize="s"
            label="Entity type"
            selectClassName="app-full-width"
            defaultValue={filters.entityType ?? ""}
            options={[{ value: "", label: "Any type" }, ...entityTypes.map((t) => ({ value: t, label: describeEntityType(t) }))]}
          />
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <AuditDate field="from" legend="From" parts={dateParts("from", filters, raw)} errors={errors} />
        </div>
        <div className="govuk-grid-column-one-half">
          <AuditDate field="to" legend="To" parts={dateParts("to", filters, raw)} errors={errors} />
        </div>
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Apply filters
        </button>
        <Link className="govuk-link" href="/admin/audit">
          Clear filters
        </Link>
      </div>
    </form>
  );
}

/** From and To: the error names the box it is about (from-day, from-month...), and only that box is marked. */
function AuditDate({
  field,
  legend,
  parts,
  errors,
}: {
  field: "from" | "to";
  legend: string;
  parts: string[];
  errors: Record<string, string>;
}) {
  const wrong = (["day", "month", "year"] as const).find((p) => errors[`${field}-${p}`]);
  return (
    <DateInput
      id={field}
      legendSize="s"
      legend={legend}
      hint={`For example, ${field === "from" ? "1 11 2026" : "26 11 2026"}`}
      error={wrong ? errors[`${field}-${wrong}`] : undefined}
      parts={["day", "month", "year"]}
      defaults={{ day: parts[0], month: parts[1], year: parts[2] }}
    />
  );
}
