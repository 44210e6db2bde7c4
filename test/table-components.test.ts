// The tables that once wrote their own markup (issue 23), now each a GovukTable: the audit log, an
// indicator's comparators, the actions on a section's exceptions, the deadlines and the Annex A
// preview's figures and data-quality tables keep the captions, scopes, classes and ids that links,
// screen readers and the browser tests rely on.
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { AuditEventRow } from "@/lib/audit/list-audit-events";
import type { IndicatorForEdit } from "@/lib/catalogue/find-indicator";
import type { SectionException } from "@/lib/exception-actions/load-section-actions";
import type { DeadlineStep, PeriodDeadlines } from "@/lib/deadlines/period-deadlines";
import type { AnnexAPreviewView, FigureView } from "@/lib/annex-a/find-annex-a-preview";
import { AuditTable } from "@/app/(app)/admin/audit/audit-table";
import { ComparatorList } from "@/app/(app)/admin/indicators/[code]/comparator-list";
import { ExceptionActionsPanel } from "@/app/(app)/periods/[period]/sections/[slug]/exception-actions-panel";
import { DeadlineTable } from "@/components/deadlines/deadline-table";
import { FiguresTable } from "@/app/(app)/periods/[period]/import/annex-a/[batchId]/figures-table";
import { QualityReport } from "@/app/(app)/periods/[period]/import/annex-a/[batchId]/quality-report";

// The forms post to server actions; the table around them is what is tested here.
vi.mock("@/app/(app)/periods/[period]/sections/[slug]/exception-action-forms", () => ({
  ChangeActionForms: ({ id }: { id: string }) => `[change ${id}]`,
  RecordActionForm: ({ code }: { code: string }) => `[record ${code}]`,
}));

const html = (el: unknown) => renderToStaticMarkup(el as ReactElement);
const count = (text: string, part: string) => text.split(part).length - 1;
const headers = (...names: string[]) => names.map((n) => `<th scope="col" class="govuk-table__header">${n}</th>`).join("");
const at = new Date("2019-09-12T10:15:00Z");

describe("AuditTable", () => {
  const event = (id: string, before: unknown, after: unknown) => ({
    id,
    at,
    actorName: "Alex Morgan",
    actorRole: "ADMIN",
    action: "value.save",
    entityType: "IndicatorValue",
    entityName: "Referrals",
    entityId: "v1",
    periodMonth: id === "e1" ? "2019-09" : null,
    before,
    after,
  });
  const events = [
    event("e1", { value: 1, note: "a" }, { value: 2, note: "a" }),
    event("e2", null, { name: "Dana" }),
  ] as unknown as AuditEventRow[];
  const out = html(createElement(AuditTable, { events, caption: "Audit events, page 1 of 1" }));

  it("keeps its class, hidden caption and column headers", () => {
    expect(out).toMatch(
      /^<table class="govuk-table app-audit-table"><caption class="govuk-table__caption govuk-visually-hidden">Audit events, page 1 of 1<\/caption><thead class="govuk-table__head">/,
    );
    expect(out).toContain(headers("Time", "Who", "Action", "Entity", "Period"));
    expect(out).toContain('<th scope="col" class="govuk-table__header app-audit-table__changes">Changes</th>');
  });

  it("writes an event a row, the time unbroken and a missing month in words for screen readers", () => {
    expect(out).toContain('<td class="govuk-table__cell app-nowrap-wide"><time dateTime="2019-09-12T10:15:00.000Z">');
    expect(out).toContain('<td class="govuk-table__cell"><span class="govuk-visually-hidden">None</span></td>');
  });

  it("lists the changed fields in a table of their own, each field a row header", () => {
    expect(out).toContain(headers("Field", "Before", "After"));
    expect(out).toContain(
      '<th scope="row" class="govuk-table__header">Value</th><td class="govuk-table__cell">1</td><td class="govuk-table__cell">2</td>',
    );
    // Only the changed field when both sides are known; every field when only one is.
    expect(out).not.toContain('<th scope="row" class="govuk-table__header">Note</th>');
    expect(out).toContain(headers("Field", "Recorded"));
    expect(out).toContain('<th scope="row" class="govuk-table__header">Name</th><td class="govuk-table__cell">Dana</td>');
  });
});

describe("ComparatorList", () => {
  const indicator = {
    code: "ASSESS",
    name: "Assessments in 45 days",
    unit: "PERCENT",
    decimals: 1,
    comparators: [{ id: "c1", label: "England", periodLabel: "2018-19", value: 77.5, source: null, notes: "Provisional" }],
  } as unknown as IndicatorForEdit;

  it("names each comparator in a row header, its value aligned right, its change link in words", () => {
    const out = html(createElement(ComparatorList, { indicator }));
    expect(out).toContain(
      '<table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Comparators for Assessments in 45 days</caption>',
    );
    expect(out).toContain('<th scope="col" class="govuk-table__header govuk-table__header--numeric">Value</th>');
    expect(out).toContain('<th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Actions</span></th>');
    expect(out).toContain(
      '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">England</th><td class="govuk-table__cell">2018-19</td><td class="govuk-table__cell govuk-table__cell--numeric">77.5%</td>',
    );
    expect(out).toContain('<span class="app-muted">Not given</span><span class="app-table-note">Provisional</span>');
    expect(out).toContain(
      'href="/admin/indicators/ASSESS/comparators/c1">Change<span class="govuk-visually-hidden"> England 2018-19</span>',
    );
  });

  it("says there are none instead of an empty table", () => {
    const out = html(createElement(ComparatorList, { indicator: { ...indicator, comparators: [] } }));
    expect(out).not.toContain("<table");
    expect(out).toContain('<p class="govuk-body">This indicator has no comparators.</p>');
  });
});

describe("ExceptionActionsPanel", () => {
  const action = (id: string, extra: Partial<SectionException["actions"][number]> = {}): SectionException["actions"][number] => ({
    id,
    fromMonth: "2019-08",
    description: `Action ${id}`,
    ownerName: "Dana Price",
    dueDate: new Date("2019-10-31T00:00:00Z"),
    status: "OPEN",
    droppedReason: null,
    closedMonth: null,
    endMonth: null,
    version: 1,
    carried: false,
    overdue: false,
    ...extra,
  });
  const exceptions: SectionException[] = [
    {
      code: "CIN",
      name: "Children in need",
      exception: true,
      since: "2019-07",
      months: 3,
      actions: [action("a1", { carried: true }), action("a2")],
    },
    { code: "CLA", name: "Looked after", exception: true, since: "2019-09", months: 1, actions: [] },
  ];
  const out = html(
    createElement(ExceptionActionsPanel, { month: "2019-09", slug: "front-door", exceptions, mayChange: true, reviewing: false }),
  );

  it("gives each exception with actions a scrolling table named for it", () => {
    expect(out).toContain(
      '<div class="app-scroll-region" role="region" tabindex="0" aria-label="Actions on Children in need"><table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Actions on Children in need</caption>',
    );
    expect(out).toContain(headers("Action", "Owner", "Due", "Status"));
    expect(count(out, '<tr class="govuk-table__row"><td class="govuk-table__cell"><span class="app-preserve-lines">')).toBe(2);
    expect(out).toContain('<span class="govuk-body-s govuk-!-display-block">Carried from August 2019</span>');
    expect(out).toContain("[change a1]");
  });

  it("says when an exception has no action yet, with no table", () => {
    expect(count(out, "<table")).toBe(1);
    expect(out).toContain(
      '<h3 class="govuk-heading-m">Looked after</h3><p class="govuk-body">On the list since September 2019, 1 month</p><p class="govuk-body">No action recorded yet.</p>[record CLA]',
    );
  });

  it("says an overdue action is overdue in words and a symbol, not colour alone", () => {
    const late = html(
      createElement(ExceptionActionsPanel, {
        month: "2019-11",
        slug: "front-door",
        exceptions: [{ ...exceptions[0], actions: [action("a1", { overdue: true }), action("a2")] }],
        mayChange: false,
        reviewing: false,
      }),
    );
    expect(count(late, ">Overdue</strong>")).toBe(1);
    expect(late).toContain('<span aria-hidden="true">⚠ </span>Overdue</strong>');
  });

  it("offers no change to a resolved exception's open actions, and still lets a done one be reopened", () => {
    const resolved = html(
      createElement(ExceptionActionsPanel, {
        month: "2019-11",
        slug: "front-door",
        exceptions: [{ ...exceptions[0], exception: false, actions: [action("a1"), action("a2", { status: "DONE" })] }],
        mayChange: true,
        reviewing: false,
      }),
    );
    expect(resolved).not.toContain("[change a1]");
    expect(resolved).toContain("[change a2]");
    expect(resolved).not.toContain("[record CIN]");
  });
});

describe("DeadlineTable", () => {
  const step = (key: DeadlineStep["key"], label: string, done: boolean): DeadlineStep => ({
    key,
    label,
    owedByLabel: "Service leads",
    due: "2019-09-05",
    done,
    workingDaysLeft: done ? -2 : 3,
    state: done ? "DONE" : "ON_TIME",
  });
  const deadlines = { steps: [step("values", "Values in", true), step("commentary", "Commentary written", false)] } as PeriodDeadlines;

  it("keeps the class, caption, region and data-step the browser tests find rows by", () => {
    const out = html(createElement(DeadlineTable, { deadlines, caption: "Deadlines for this section" }));
    expect(out).toMatch(
      /^<div class="app-scroll-region app-scroll-region--spaced" role="region" tabindex="0" aria-label="Deadlines for this section"><table class="govuk-table app-deadlines"><caption class="govuk-table__caption govuk-table__caption--m">Deadlines for this section<\/caption>/,
    );
    expect(out).toContain(headers("Step", "Due by", "Who", "Status"));
    expect(out).toContain(
      '<tr class="govuk-table__row" data-step="values"><th scope="row" class="govuk-table__header">Values in</th><td class="govuk-table__cell">5 September 2019</td>',
    );
    expect(out).toContain('<tr class="govuk-table__row" data-step="commentary">');
  });

  it("shows only the steps it is given", () => {
    const out = html(createElement(DeadlineTable, { deadlines, caption: "Deadlines", steps: deadlines.steps.slice(1) }));
    expect(out).not.toContain('data-step="values"');
  });
});

describe("Annex A preview tables", () => {
  const figure = (code: string, extra: Partial<FigureView> = {}): FigureView => ({
    code,
    kind: "percent",
    value: 61.2,
    numerator: 612,
    denominator: 1000,
    words: "612 of 1,000",
    reason: null,
    rule: "Assessments completed within 45 working days",
    name: `Figure ${code}`,
    unit: "PERCENT",
    decimals: 1,
    current: { value: 60, notAvailableReason: null },
    outcome: "changed",
    why: null,
    ...extra,
  });

  it("figures: an id a row for links, the indicator as row header, the figures aligned right", () => {
    const out = html(
      createElement(FiguresTable, {
        figures: [figure("ASSESS"), figure("NEW", { current: null, outcome: "new" })],
        caption: "Figures from the lists",
      }),
    );
    expect(out).toMatch(
      /^<div class="app-scroll-region app-scroll-region--spaced" role="region" tabindex="0" aria-label="Figures from the lists"><table class="govuk-table app-annex-a-table"><caption class="govuk-table__caption govuk-table__caption--m">Figures from the lists<\/caption>/,
    );
    expect(out).toContain(
      '<th scope="col" class="govuk-table__header">Indicator</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">From the lists</th><th scope="col" class="govuk-table__header">Working</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Stored now</th><th scope="col" class="govuk-table__header">Result</th>',
    );
    expect(out).toContain(
      '<tr class="govuk-table__row" id="figure-ASSESS"><th scope="row" class="govuk-table__header app-annex-a-table__indicator">Figure ASSESS',
    );
    expect(out).toContain(
      '<td class="govuk-table__cell govuk-table__cell--numeric">61.2%</td><td class="govuk-table__cell">612 of 1,000</td>',
    );
    expect(out).toContain('<td class="govuk-table__cell govuk-table__cell--numeric">None yet</td>');
  });

  const quality = (issues: AnnexAPreviewView["quality"]["issues"], issueCount: number, page = 1) =>
    ({
      page,
      pageCount: Math.max(1, Math.ceil(issueCount / 200)),
      issueCount,
      issues,
      lists: [{ list: 1, sheet: "List 1", rowsRead: 31239, duplicatesDropped: 2, blankIds: [4, 9], invalidCount: 0 }],
    }) as unknown as AnnexAPreviewView["quality"];

  it("data quality: each list a row header, its counts aligned right", () => {
    const out = html(createElement(QualityReport, { quality: quality([], 0) }));
    expect(out).toContain('<caption class="govuk-table__caption govuk-table__caption--s">Rows read from each list</caption>');
    expect(count(out, "govuk-table__header--numeric")).toBe(4);
    expect(out).toContain(
      '<th scope="row" class="govuk-table__header app-nowrap">List 1</th><td class="govuk-table__cell">List 1</td><td class="govuk-table__cell govuk-table__cell--numeric">31,239</td><td class="govuk-table__cell govuk-table__cell--numeric">2</td><td class="govuk-table__cell govuk-table__cell--numeric">2</td>',
    );
    expect(out).toContain('<p class="govuk-body">No problems were found in the lists.</p>');
    expect(count(out, "<table")).toBe(1);
  });

  it("data quality: the problems a page at a time, the caption saying which", () => {
    const issues = [
      { list: null, row: null, column: null, message: "The file has no List 2" },
      { list: 1, row: 12345, column: "Date of Contact", message: "Not a date" },
    ];
    const out = html(createElement(QualityReport, { quality: quality(issues, 202, 2) }));
    expect(out).toContain(
      '<div class="app-scroll-region app-scroll-region--spaced" role="region" tabindex="0" aria-label="Problems found in the lists"><table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">Problems found in the lists: 201 to 202 of 202</caption>',
    );
    expect(out).toContain(
      '<tr class="govuk-table__row"><td class="govuk-table__cell app-nowrap"></td><td class="govuk-table__cell app-nowrap">All rows</td><td class="govuk-table__cell"></td><td class="govuk-table__cell">The file has no List 2</td></tr>',
    );
    expect(out).toContain('<td class="govuk-table__cell app-nowrap">List 1</td><td class="govuk-table__cell app-nowrap">12,345</td>');
  });
});
