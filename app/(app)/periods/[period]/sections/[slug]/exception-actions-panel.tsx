// The section's exceptions this month with the actions agreed on them: carried from earlier
// months while the indicator stays on the list, resolved once it has left it.
import type { SectionException } from "@/lib/exception-actions/load-section-actions";
import { exceptionsWithoutAction } from "@/lib/exception-actions/without-action";
import { ACTION_STATUS_LABEL, ACTION_STATUS_TAG_CLASS } from "@/lib/exception-actions/action-workflow";
import { OVERDUE } from "@/lib/exception-actions/action-overdue";
import { formatDate, formatMonth } from "@/lib/format/dates";
import { GovukTable } from "@/components/govuk-table";
import { ChangeActionForms, RecordActionForm } from "./exception-action-forms";
import { WarningText } from "@/components/warning-text";

export function describeOnList(since: string, months: number): string {
  return `On the list since ${formatMonth(since)}, ${months} month${months === 1 ? "" : "s"}`;
}

export function ExceptionActionsPanel({
  month,
  slug,
  exceptions,
  mayChange,
  reviewing,
}: {
  month: string;
  slug: string;
  exceptions: SectionException[];
  mayChange: boolean;
  reviewing: boolean;
}) {
  const withoutAction = exceptionsWithoutAction(exceptions);
  return (
    <section aria-labelledby="actions-title" id="actions">
      <h2 className="govuk-heading-l" id="actions-title">
        Actions on exceptions
      </h2>
      {exceptions.length === 0 ? (
        <p className="govuk-body">No indicator in this section is on the exceptions list this month.</p>
      ) : (
        <>
          <p className="govuk-body">
            {reviewing
              ? "Review these actions with the commentary: they go into the pack at sign-off."
              : "Record what will be done about each exception, who owns it and by when, before you submit the commentary for review."}
          </p>
          {mayChange && withoutAction.length > 0 ? (
            <WarningText>
              {withoutAction.length} exception{withoutAction.length === 1 ? " has" : "s have"} no open action:{" "}
              {withoutAction.map((e) => e.name).join(", ")}
            </WarningText>
          ) : null}
          {exceptions.map((e) => (
            <div key={e.code} className="app-exception-actions" data-code={e.code} id={`exception-${e.code}`}>
              <h3 className="govuk-heading-m">{e.name}</h3>
              <p className="govuk-body">
                {e.exception ? (
                  describeOnList(e.since, e.months)
                ) : (
                  <>
                    <strong className="govuk-tag govuk-tag--green">Resolved</strong> Off the exceptions list this month: its actions are
                    shown as resolved in this month&rsquo;s pack, then stop.
                  </>
                )}
              </p>
              <GovukTable
                caption={`Actions on ${e.name}`}
                captionHidden
                scroll={{ label: `Actions on ${e.name}` }}
                rows={e.actions}
                rowKey={(a) => a.id}
                empty="No action recorded yet."
                columns={[
                  {
                    header: "Action",
                    cell: (a) => (
                      <>
                        <span className="app-preserve-lines">{a.description}</span>
                        {a.carried ? (
                          <span className="govuk-body-s govuk-!-display-block">Carried from {formatMonth(a.fromMonth)}</span>
                        ) : null}
                        {a.droppedReason ? (
                          <span className="govuk-body-s govuk-!-display-block">Dropped because: {a.droppedReason}</span>
                        ) : null}
                      </>
                    ),
                  },
                  { header: "Owner", cell: (a) => a.ownerName },
                  {
                    header: "Due",
                    cell: (a) => (
                      <>
                        {formatDate(a.dueDate)}
                        {a.overdue ? (
                          <strong className="govuk-tag govuk-tag--red govuk-!-display-block govuk-!-margin-top-1 app-overdue">
                            <span aria-hidden="true">{OVERDUE.symbol} </span>
                            {OVERDUE.label}
                          </strong>
                        ) : null}
                      </>
                    ),
                  },
                  {
                    header: "Status",
                    cell: (a) => (
                      <>
                        <strong className={`govuk-tag ${ACTION_STATUS_TAG_CLASS[a.status]}`}>{ACTION_STATUS_LABEL[a.status]}</strong>
                        {/* A resolved exception's open actions stay as they are: the server refuses changing them too. */}
                        {mayChange && (e.exception || a.status !== "OPEN") ? (
                          <ChangeActionForms
                            month={month}
                            slug={slug}
                            id={a.id}
                            version={a.version}
                            status={a.status}
                            description={a.description}
                          />
                        ) : null}
                      </>
                    ),
                  },
                ]}
              />
              {mayChange && e.exception ? <RecordActionForm month={month} slug={slug} code={e.code} name={e.name} /> : null}
            </div>
          ))}
        </>
      )}
    </section>
  );
}
