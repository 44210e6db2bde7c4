// One row per audit event: when, who (and their role then), what in words, which thing, which
// month, and the recorded before and after in a details element.
import { roleLabel } from "@/lib/auth/roles";
import { describeAction, describeChanges, describeEntityType } from "@/lib/audit/audit-labels";
import type { AuditEventRow } from "@/lib/audit/list-audit-events";
import { formatDateTime, formatMonth } from "@/lib/format/dates";
import { Breakable } from "./breakable";

export function AuditTable({ events, caption }: { events: AuditEventRow[]; caption: string }) {
  return (
    <table className="govuk-table app-audit-table">
      <caption className="govuk-table__caption govuk-visually-hidden">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Time
          </th>
          <th scope="col" className="govuk-table__header">
            Who
          </th>
          <th scope="col" className="govuk-table__header">
            Action
          </th>
          <th scope="col" className="govuk-table__header">
            Entity
          </th>
          <th scope="col" className="govuk-table__header">
            Period
          </th>
          <th scope="col" className="govuk-table__header app-audit-table__changes">
            Changes
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {events.map((e) => (
          <tr className="govuk-table__row" key={e.id}>
            <td className="govuk-table__cell app-nowrap-wide">
              <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
            </td>
            <td className="govuk-table__cell">
              {e.actorName}
              <span className="app-audit-secondary">{e.actorRole ? roleLabel[e.actorRole] : "Automatic"}</span>
            </td>
            <td className="govuk-table__cell">{describeAction(e.action)}</td>
            <td className="govuk-table__cell">
              <span className="app-audit-secondary">{describeEntityType(e.entityType)}</span>
              <Breakable text={e.entityName ?? e.entityId} />
            </td>
            <td className="govuk-table__cell">
              {e.periodMonth ? formatMonth(e.periodMonth) : <span className="govuk-visually-hidden">None</span>}
            </td>
            <td className="govuk-table__cell">
              <Changes before={e.before} after={e.after} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Changes({ before, after }: { before: unknown; after: unknown }) {
  const fields = describeChanges(before, after);
  if (!fields.length) return <span className="app-audit-secondary">Nothing recorded</span>;
  const both = before != null && after != null;
  const changed = fields.filter((f) => f.changed);
  const shown = both && changed.length ? changed : fields;
  const summary = both
    ? changed.length
      ? `Changed: ${changed.map((f) => f.label.toLowerCase()).join(", ")}`
      : "No field changed"
    : "Details";
  return (
    <details className="govuk-details app-audit-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">
        <table className="govuk-table">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Field
              </th>
              {both ? (
                <>
                  <th scope="col" className="govuk-table__header">
                    Before
                  </th>
                  <th scope="col" className="govuk-table__header">
                    After
                  </th>
                </>
              ) : (
                <th scope="col" className="govuk-table__header">
                  {after != null ? "Recorded" : "Before"}
                </th>
              )}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {shown.map((f) => (
              <tr className="govuk-table__row" key={f.key}>
                <th scope="row" className="govuk-table__header">
                  {f.label}
                </th>
                {both ? (
                  <>
                    <td className="govuk-table__cell">{f.before}</td>
                    <td className="govuk-table__cell">{f.after}</td>
                  </>
                ) : (
                  <td className="govuk-table__cell">{after != null ? f.after : f.before}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
