// GovukTable writes every plain table in the service, so its markup is checked here to the letter:
// the caption and its options, column headers with scope, figures aligned right, row headers, row
// ids, the empty state and the scrolling region.
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { GovukTable, type GovukTableProps } from "@/components/govuk-table";
import { TableHead } from "@/components/table-head";

type Row = { code: string; name: string; value: number };
const rows: Row[] = [
  { code: "CIN", name: "Children in need", value: 1337 },
  { code: "CLA", name: "Looked after", value: 42 },
];

const render = (props: Partial<GovukTableProps<Row>> = {}) =>
  renderToStaticMarkup(
    createElement(GovukTable<Row>, {
      caption: "Figures",
      rows,
      rowKey: (r) => r.code,
      columns: [
        { header: "Indicator", rowHeader: true, cell: (r) => r.name },
        { header: "Value", numeric: true, cell: (r) => r.value.toLocaleString("en-GB") },
      ],
      ...props,
    }) as ReactElement,
  );

describe("GovukTable", () => {
  it("writes a GOV.UK table: caption, column headers with scope, row headers, numeric cells", () => {
    expect(render()).toBe(
      '<table class="govuk-table">' +
        '<caption class="govuk-table__caption">Figures</caption>' +
        '<thead class="govuk-table__head"><tr class="govuk-table__row">' +
        '<th scope="col" class="govuk-table__header">Indicator</th>' +
        '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Value</th>' +
        "</tr></thead>" +
        '<tbody class="govuk-table__body">' +
        '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">Children in need</th><td class="govuk-table__cell govuk-table__cell--numeric">1,337</td></tr>' +
        '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">Looked after</th><td class="govuk-table__cell govuk-table__cell--numeric">42</td></tr>' +
        "</tbody></table>",
    );
  });

  it("sizes, hides and identifies the caption, or leaves it out", () => {
    expect(render({ captionSize: "m" })).toContain('<caption class="govuk-table__caption govuk-table__caption--m">Figures</caption>');
    expect(render({ captionHidden: true, captionId: "figures-caption" })).toContain(
      '<caption class="govuk-table__caption govuk-visually-hidden" id="figures-caption">Figures</caption>',
    );
    expect(render({ caption: null })).not.toContain("<caption");
  });

  it("adds classes to the table, a header and a column's cells, and attributes to rows", () => {
    const html = render({
      className: "app-deadlines",
      rowAttributes: (r) => ({ id: `row-${r.code}`, "data-step": r.code.toLowerCase() }),
      columns: [
        { header: "Indicator", rowHeader: true, cellClassName: "app-nowrap", cell: (r) => r.name },
        { header: "Code", headerClassName: "govuk-!-width-one-quarter", cellClassName: "app-code", cell: (r) => r.code },
        { header: "Months", scope: "colgroup", cell: () => "" },
      ],
    });
    expect(html).toContain('<table class="govuk-table app-deadlines">');
    expect(html).toContain('<th scope="col" class="govuk-table__header govuk-!-width-one-quarter">Code</th>');
    expect(html).toContain('<th scope="colgroup" class="govuk-table__header">Months</th>');
    expect(html).toContain(
      '<tr class="govuk-table__row" id="row-CIN" data-step="cin"><th scope="row" class="govuk-table__header app-nowrap">Children in need</th><td class="govuk-table__cell app-code">CIN</td>',
    );
  });

  it("passes each row's position to the cells (a position column, first and last rows)", () => {
    const html = render({ columns: [{ header: "Position", numeric: true, cell: (_, i) => i + 1 }] });
    expect(html).toContain('<td class="govuk-table__cell govuk-table__cell--numeric">1</td>');
    expect(html).toContain('<td class="govuk-table__cell govuk-table__cell--numeric">2</td>');
  });

  it("places column widths before the header row", () => {
    const html = render({ colgroup: createElement("colgroup", null, createElement("col", { className: "app-col-name" })) });
    expect(html).toContain('</caption><colgroup><col class="app-col-name"/></colgroup><thead');
  });

  it("wraps a wide table in a focusable, named scrolling region", () => {
    expect(render({ scroll: { label: "Figures", className: "app-scroll-region--spaced" } })).toMatch(
      /^<div class="app-scroll-region app-scroll-region--spaced" role="region" tabindex="0" aria-label="Figures"><table class="govuk-table">.*<\/table><\/div>$/,
    );
    expect(render({ captionId: "c", scroll: { labelledBy: "c" } })).toMatch(
      /^<div class="app-scroll-region" role="region" tabindex="0" aria-labelledby="c"><table/,
    );
  });

  it("shows the empty state instead of the table and its region when there are no rows", () => {
    expect(render({ rows: [], empty: "Nothing yet.", scroll: { label: "Figures" } })).toBe('<p class="govuk-body">Nothing yet.</p>');
    expect(render({ rows: [], empty: createElement("div", { className: "govuk-inset-text" }, "None") })).toBe(
      '<div class="govuk-inset-text">None</div>',
    );
    // Without an empty state the table stays, with its headers and an empty body.
    expect(render({ rows: [] })).toContain('</thead><tbody class="govuk-table__body"></tbody></table>');
  });
});

describe("TableHead (the pack's tables)", () => {
  it("writes the same header row as GovukTable", () => {
    const html = renderToStaticMarkup(
      createElement("table", null, createElement(TableHead, { columns: ["Month", { text: "Value", numeric: true }] })),
    );
    expect(html).toBe(
      '<table><thead class="govuk-table__head"><tr class="govuk-table__row">' +
        '<th scope="col" class="govuk-table__header">Month</th>' +
        '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Value</th>' +
        "</tr></thead></table>",
    );
  });
});
