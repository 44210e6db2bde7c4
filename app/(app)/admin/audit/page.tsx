import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { ErrorSummary } from "@/components/form/error-summary";
import { auditFilterQuery, hasAnyFilter, parseAuditFilters, type SearchParams } from "@/lib/audit/audit-filters";
import { findAuditFilterOptions, listAuditEvents } from "@/lib/audit/list-audit-events";
import { describeEntityType } from "@/lib/audit/audit-labels";
import { AuditFilterForm } from "./audit-filter-form";
import { AuditPagination } from "./audit-pagination";
import { AuditTable } from "./audit-table";
import { ScrollRegion } from "@/components/scroll-region";

export const metadata: Metadata = { title: "Audit log" };

const count = (n: number) => n.toLocaleString("en-GB");

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("audit.view");
  const raw = await searchParams;
  const { filters, errors } = parseAuditFilters(raw);
  const [{ events, total, page, pageCount, pageSize }, options] = await Promise.all([
    listAuditEvents(actor, filters),
    findAuditFilterOptions(actor),
  ]);
  const exportQuery = auditFilterQuery({ ...filters, page: 1 });
  const hrefFor = (n: number) => `/admin/audit?${auditFilterQuery({ ...filters, page: n })}`.replace(/\?$/, "");
  const firstShown = total ? (page - 1) * pageSize + 1 : 0;
  const lastShown = Math.min(total, page * pageSize);
  const entityName = filters.entityId ? (events[0]?.entityName ?? filters.entityId) : null;
  const withoutEntity = auditFilterQuery({ ...filters, entityId: undefined, page: 1 });

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-xl">Audit log</h1>
      <p className="govuk-body">Every change made in Scrutiny Pack, newest first, with who made it and what it was before and after.</p>
      {filters.entityId ? (
        <div className="govuk-inset-text">
          Showing the history of {filters.entityType ? describeEntityType(filters.entityType).toLowerCase() : "entity"} {entityName}.{" "}
          <a className="govuk-link" href={`/admin/audit${withoutEntity ? `?${withoutEntity}` : ""}`}>
            Show every entity
          </a>
        </div>
      ) : null}
      <AuditFilterForm filters={filters} raw={raw} errors={errors} actions={options.actions} entityTypes={options.entityTypes} />

      <div className="app-results-bar">
        <p className="govuk-body govuk-!-margin-bottom-0" role="status">
          {total
            ? `Showing ${count(firstShown)} to ${count(lastShown)} of ${count(total)} ${total === 1 ? "event" : "events"}`
            : hasAnyFilter(filters)
              ? "No events match these filters."
              : "No events have been recorded yet."}
        </p>
        {total ? (
          <a className="govuk-link govuk-body" href={`/admin/audit/export${exportQuery ? `?${exportQuery}` : ""}`} download>
            Export CSV<span className="govuk-visually-hidden"> of all {count(total)} matching events</span>
          </a>
        ) : null}
      </div>
      {events.length ? (
        <ScrollRegion label="Audit events" className="app-scroll-region--spaced app-scroll-region--min">
          <AuditTable events={events} caption={`Audit events, page ${page} of ${pageCount}`} />
        </ScrollRegion>
      ) : null}
      <AuditPagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
    </>
  );
}
