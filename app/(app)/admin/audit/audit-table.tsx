// One row per audit event: when, who (and their role then), what in words, which thing, which
// month, and the recorded before and after in a details element.
import { roleLabel } from "@/lib/auth/roles";
import { describeAction, describeChanges, describeEntityType, type FieldChange } from "@/lib/audit/audit-labels";
import type { AuditEventRow } from "@/lib/audit/list-audit-events";
import { formatDateTime, formatMonth } from "@/lib/format/dates";
import { GovukTable, type GovukTableColumn } from "@/components/govuk-table";
import { Breakable } from "./breakable";

export function AuditTable({ events, caption }: { events: AuditEventRow[]; caption: string }) {
  return (
    <GovukTable
      caption={caption}
      captionHidden
      className="app-audit-table"
      rows={events}
      rowKey={(e) => e.id}
      columns={[
        {
          header: "Time",
          cellClassName: "app-nowrap-wide",
          cell: (e) => <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time>,
        },
        {
          header: "Who",
          cell: (e) => (
            <>
              {e.actorName}
              <span className="app-audit-secondary">{e.actorRole ? roleLabel[e.actorRole] : "Automatic"}</span>
            </>
          ),
        },
        { header: "Action", cell: (e) => describeAction(e.action) },
        {
          header: "Entity",
          cell: (e) => (
            <>
              <span className="app-audit-secondary">{describeEntityType(e.entityType)}</span>
              <Breakable text={e.entityName ?? e.entityId} />
            </>
          ),
        },
        {
          header: "Period",
          cell: (e) => (e.periodMonth ? formatMonth(e.periodMonth) : <span className="govuk-visually-hidden">None</span>),
        },
        { header: "Changes", headerClassName: "app-audit-table__changes", cell: (e) => <Changes before={e.before} after={e.after} /> },
      ]}
    />
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
  const field: GovukTableColumn<FieldChange> = { header: "Field", rowHeader: true, cell: (f) => f.label };
  const columns: GovukTableColumn<FieldChange>[] = both
    ? [field, { header: "Before", cell: (f) => f.before }, { header: "After", cell: (f) => f.after }]
    : [field, { header: after != null ? "Recorded" : "Before", cell: (f) => (after != null ? f.after : f.before) }];
  return (
    <details className="govuk-details app-audit-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">
        {/* No caption: the summary above says what the table holds. */}
        <GovukTable caption={null} rows={shown} rowKey={(f) => f.key} columns={columns} />
      </div>
    </details>
  );
}
