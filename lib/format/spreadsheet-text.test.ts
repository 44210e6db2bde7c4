import { describe, expect, it } from "vitest";
import { csvCell } from "@/lib/audit/audit-csv";
import { csvField } from "@/lib/pack/delivery/export-cells";
import { csvText, restoreFormulaText } from "@/lib/format/spreadsheet-text";

// A CSV opened where ";" (or tab) is the list separator splits a cell there, so a formula after a
// separator runs as if it began the cell. Both CSV writers must make it inert.
const HOSTILE = [
  'x;=HYPERLINK("http://evil","Click")',
  "n/a;+1+cmd|' /C calc'!A0",
  "a\t@SUM(A1)",
  "late; -2+3",
  "x,=1+1",
  "x|=1",
  "x;\uFF1D1",
];

/** Every piece the value could be split into, by any separator a spreadsheet might use, unquoted. */
function pieces(field: string): string[] {
  const unquoted = field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
  return unquoted.split(/[;,\t|\r\n]/).map((p) => p.trimStart());
}

describe("formula escaping whatever the separator", () => {
  for (const [name, write] of [
    ["audit export", csvCell],
    ["pack CSV", (v: string) => csvField(v)],
  ] as const) {
    it(`${name}: no piece of a hostile value starts a formula`, () => {
      for (const value of HOSTILE) {
        const field = write(value);
        for (const piece of pieces(field)) expect(piece, `${value} -> ${field}`).not.toMatch(/^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/);
      }
      // And a whole value with ";" or a tab stays one cell where those separate: it is quoted.
      for (const field of HOSTILE.filter((v) => /[;\t]/.test(v)).map((v) => write(v))) expect(field.startsWith('"'), field).toBe(true);
    });
  }

  it("leaves ordinary text as it was", () => {
    expect(csvCell("Dana Price")).toBe("Dana Price");
    expect(csvField("a=b")).toBe("a=b");
    expect(csvField("rate 3-4")).toBe("rate 3-4");
  });
});

describe("restoreFormulaText", () => {
  it("gives back exactly the text csvText made inert, and leaves other apostrophes alone", () => {
    for (const value of [...HOSTILE, "-2% on last month; down 3, -5 on last year", "=SUM(A1)", "Dana's note", "it's 'quoted'", "plain"]) {
      const field = csvText(value);
      const unquoted = field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
      expect(restoreFormulaText(unquoted), field).toBe(value);
    }
  });
});
