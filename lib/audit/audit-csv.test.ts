import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "@/lib/audit/audit-csv";

describe("CSV cells", () => {
  it("defuses cells a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    // A tab is a separator in some locales, so the cell is also quoted; a formula after a line break is defused too.
    expect(csvCell("\tcmd")).toBe(`"'\tcmd"`);
    expect(csvCell("\r=1")).toBe(`"'\r'=1"`);
    // Full-width forms, which Excel also reads as formulas (the same rule as the pack downloads).
    expect(csvCell("\uFF1D1+1")).toBe("'\uFF1D1+1");
    expect(csvCell("\uFF20SUM(A1)")).toBe("'\uFF20SUM(A1)");
  });

  it("leaves ordinary text alone and quotes commas, quotes and line breaks", () => {
    expect(csvCell("Dana Price")).toBe("Dana Price");
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("Price, Dana")).toBe(`"Price, Dana"`);
    expect(csvCell(`say "hi"`)).toBe(`"say ""hi"""`);
    expect(csvCell("two\nlines")).toBe(`"two\nlines"`);
  });

  it("writes empty values as empty cells, dates as ISO and objects as JSON", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(new Date("2026-11-26T10:00:00Z"))).toBe("2026-11-26T10:00:00.000Z");
    expect(csvCell({ role: "ADMIN", n: 1 })).toBe(`"{""role"":""ADMIN"",""n"":1}"`);
    expect(csvCell(12)).toBe("12");
  });

  it("ends each record with CRLF", () => {
    expect(csvRow(["a", "=b", "c,d"])).toBe(`a,'=b,"c,d"\r\n`);
  });
});
