// The audit log's filters: a plain GET form, so a filtered view is a link that can be shared and
// the CSV export can use the same query string.
import { describeAction, describeEntityType } from "@/lib/audit/audit-labels";
import type { AuditFilters, SearchParams } from "@/lib/audit/audit-filters";

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
      <h2 className="govuk-heading-m" id="filter-heading">Filter the log</h2>
      {filters.entityId ? <input type="hidden" name="entityId" value={filters.entityId} /> : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <div className="govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor="who">Who</label>
            <div id="who-hint" className="govuk-hint">Part of a name or email address</div>
            <input className="govuk-input" id="who" name="who" type="search" defaultValue={filters.who ?? ""} aria-describedby="who-hint" spellCheck={false} autoComplete="off" />
          </div>
        </div>
        <div className="govuk-grid-column-one-third">
          <div className="govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor="action">What</label>
            <select className="govuk-select app-full-width" id="action" name="action" defaultValue={filters.action ?? ""}>
              <option value="">Any action</option>
              {actions.map((a) => <option key={a} value={a}>{describeAction(a)}</option>)}
            </select>
          </div>
        </div>
        <div className="govuk-grid-column-one-third">
          <div className="govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor="entity">Entity type</label>
            <select className="govuk-select app-full-width" id="entity" name="entity" defaultValue={filters.entityType ?? ""}>
              <option value="">Any type</option>
              {entityTypes.map((t) => <option key={t} value={t}>{describeEntityType(t)}</option>)}
            </select>
          </div>
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <DateInput field="from" legend="From" parts={dateParts("from", filters, raw)} errors={errors} />
        </div>
        <div className="govuk-grid-column-one-half">
          <DateInput field="to" legend="To" parts={dateParts("to", filters, raw)} errors={errors} />
        </div>
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">Apply filters</button>
        <a className="govuk-link" href="/admin/audit">Clear filters</a>
      </div>
    </form>
  );
}

function DateInput({ field, legend, parts, errors }: { field: "from" | "to"; legend: string; parts: string[]; errors: Record<string, string> }) {
  const error = errors[`${field}-day`] ?? errors[`${field}-month`] ?? errors[`${field}-year`];
  const errorPart = ["day", "month", "year"].find((p) => errors[`${field}-${p}`]);
  const describedBy = [`${field}-hint`, error ? `${field}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <div id={`${field}-hint`} className="govuk-hint">For example, {field === "from" ? "1 11 2026" : "26 11 2026"}</div>
        {error ? (
          <p id={`${field}-error`} className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {error}</p>
        ) : null}
        <div className="govuk-date-input" id={field}>
          {(["day", "month", "year"] as const).map((p, i) => (
            <div className="govuk-date-input__item" key={p}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${field}-${p}`}>{p[0].toUpperCase() + p.slice(1)}</label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${p === "year" ? 4 : 2}${error && (!errorPart || errorPart === p || errorPart === "day") ? " govuk-input--error" : ""}`}
                  id={`${field}-${p}`}
                  name={`${field}-${p}`}
                  type="text"
                  inputMode="numeric"
                  defaultValue={parts[i]}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
