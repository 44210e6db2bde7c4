import { describe, expect, it } from "vitest";
import { csvField, csvRecord, escapeFormula, formatCsvNumber } from "@/lib/pack/delivery/export-cells";

describe("escapeFormula", () => {
  it.each(["=1+1", "+44 20", "-2+3", "@SUM(A1)", "\tx", "\rx", "\uFF1DHYPERLINK()", '=HYPERLINK("http://x","y")'])(
    "makes %j inert with a leading apostrophe",
    (text) => {
      expect(escapeFormula(text)).toBe(`'${text}`);
    },
  );
  it.each(["Contacts", "Children's Services", " =1", "1,337", "c", "", "Demand (front door)"])("leaves %j alone", (text) => {
    expect(escapeFormula(text)).toBe(text);
  });
});

describe("CSV fields and records", () => {
  it("quotes commas, quotes and line breaks (RFC 4180) after escaping formulas", () => {
    expect(csvField('Say "hi", then go')).toBe('"Say ""hi"", then go"');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("=1+1,2")).toBe(`"'=1+1,2"`);
    expect(csvField("-524 (-28.2%)")).toBe("'-524 (-28.2%)");
  });
  it("writes numbers as numbers with the indicator's places, never escaped", () => {
    expect(csvField(1337)).toBe("1337");
    expect(csvField(58, 1)).toBe("58.0");
    expect(csvField(-524)).toBe("-524");
    expect(csvField(-0.04, 1)).toBe("0.0");
    expect(csvField(null)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
    expect(formatCsvNumber(934.25, 1)).toBe("934.3");
  });
  it("ends records with CRLF", () => {
    expect(csvRecord(["a", 1.5, null, "@x"], 1)).toBe("a,1.5,,'@x\r\n");
  });
});
