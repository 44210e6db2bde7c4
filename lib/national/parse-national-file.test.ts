import { describe, expect, it } from "vitest";
import { parseNationalFile, unitOf } from "@/lib/national/parse-national-file";

const bytes = (text: string) => new TextEncoder().encode(text);
const KNOWN = new Set(["CPP_rate", "LAC"]);
const parse = (text: string) => parseNationalFile(bytes(text), KNOWN);
const messages = (text: string) => {
  const r = parse(text);
  if (r.ok) throw new Error("expected errors");
  return r.errors.map((e) => e.message);
};

describe("parseNationalFile: LAIT long layout", () => {
  it("reads figures and keeps symbols as symbols", () => {
    const r = parse(
      "measure_code,year,area_name,la_number,region,value\nCPP_rate,2025,England,970,,41.6\ncpp_rate,2025,Barnet,302,Outer London,-\nLAC,2014-16,Barnet,302,Outer London,c\n",
    );
    expect(r).toEqual({
      ok: true,
      layout: "lait",
      rows: [
        { measureCode: "CPP_rate", areaCode: "970", areaName: "England", year: "2025", value: 41.6, symbol: null },
        { measureCode: "CPP_rate", areaCode: "302", areaName: "Barnet", year: "2025", value: null, symbol: "-" },
        { measureCode: "LAC", areaCode: "302", areaName: "Barnet", year: "2014-16", value: null, symbol: "c" },
      ],
    });
  });
  it("refuses a measure code that does not exist, text in a numeric cell, a bad area or year and a repeated figure, with row, column and reason", () => {
    expect(
      messages(
        "measure_code,year,area_name,la_number,region,value\nNOPE,2025,England,970,,1\nLAC,2025,England,970,,many\nLAC,2025,Barnet,30,,1\nLAC,25,Barnet,302,,1\nLAC,2024,England,970,,1\nLAC,2024,England,970,,2\n",
      ),
    ).toEqual([
      'Row 2, column measure_code (A): "NOPE" is not a measure code: import DfE\'s measure list (lait-measures.csv) first, or check the code',
      'Row 3, column value (F): "many" is neither a number nor one of DfE\'s symbols (- c x z low u k : ~)',
      'Row 4, column la_number (D): "30" is not a three-digit area number (an authority, a region 980-990 or England 970)',
      'Row 5, column year (B): "25" is not a year as DfE writes it (2025 or 2014-16)',
      "Row 7, column value (F): the figure for LAC, area 970, 2024 is also on row 6",
    ]);
  });
});

describe("parseNationalFile: Explore Education Statistics open data", () => {
  const HEADER =
    "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name";
  it("reads columns by name, in any order, with 202425 as the year ending 2025", () => {
    const r = parse(
      `la_name,LAC,time_period,geographic_level,old_la_code,region_name,country_name\n,70,202425,National,,,England\n,x,202425,Regional,,Yorkshire and The Humber,England\nBarnet,45.5,2025,Local authority,302,London,England\n`,
    );
    expect(r).toEqual({
      ok: true,
      layout: "ees",
      rows: [
        { measureCode: "LAC", areaCode: "970", areaName: "England", year: "2025", value: 70, symbol: null },
        { measureCode: "LAC", areaCode: "982", areaName: "Yorkshire and The Humber", year: "2025", value: null, symbol: "x" },
        { measureCode: "LAC", areaCode: "302", areaName: "Barnet", year: "2025", value: 45.5, symbol: null },
      ],
    });
  });
  it("refuses an indicator column that is not a measure, and a symbol or text it cannot read", () => {
    expect(messages(`${HEADER},made_up\n2025,Reporting year,National,E92000001,England,,,,,,1\n`)).toEqual([
      'Row 1, column made_up (K): "made_up" is not a measure code: import DfE\'s measure list first, or remove the column',
    ]);
    expect(
      messages(`${HEADER},LAC\n2025,Reporting year,National,E92000001,England,,,,,,n.a.\n2025,Reporting year,Ward,,,,,,,,1\n`),
    ).toEqual([
      'Row 2, column LAC (K): "n.a." is neither a number nor one of DfE\'s symbols (- c x z low u k : ~)',
      'Row 3, column geographic_level (C): "Ward" is not a level this app reads (National, Regional or Local authority)',
    ]);
  });
});

describe("parseNationalFile: layouts", () => {
  it("refuses a file that mixes layouts, and one that is none of them", () => {
    expect(messages("measure_code,year,la_number,value,time_period,geographic_level\nLAC,2025,970,1,2025,National\n")).toEqual([
      "Row 1, column time_period (E): the header mixes two layouts (lait and ees): keep the columns of one",
    ]);
    expect(messages("code,period,value\nX,2019-04,1\n")[0]).toMatch(/^Row 1: this is not one of DfE's layouts/);
  });
  it("refuses bytes that are not UTF-8 (a Windows-1252 ’), naming the row and column, rather than storing U+FFFD", () => {
    const head = bytes("measure_code,year,area_name,la_number,region,value\nLAC,2025,Barnet");
    const r = parseNationalFile(new Uint8Array([...head, 0x92, ...bytes("s,302,Outer London,1\n")]), KNOWN);
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([
      "Row 2, column area_name (C): holds a character that could not be read (the file is not UTF-8): save it as CSV UTF-8",
    ]);
  });
  it("reads the statistical neighbours and the measure list", () => {
    const sn = parse(
      `la_number,la_name,region,${Array.from({ length: 10 }, (_, i) => `sn${i + 1},sn${i + 1}_closeness`).join(",")}\n373,Sheffield,Yorkshire and the Humber,${Array.from({ length: 10 }, (_, i) => `${330 + i},Close`).join(",")}\n`,
    );
    if (!sn.ok || sn.layout !== "neighbours") throw new Error("expected neighbours");
    expect(sn.rows).toHaveLength(10);
    expect(sn.rows[0]).toEqual({
      laNumber: "373",
      laName: "Sheffield",
      region: "Yorkshire and the Humber",
      position: 1,
      neighbourLaNumber: "330",
      closeness: "Close",
    });
    expect(messages(`la_number,la_name,region,sn1\n373,Sheffield,Y,33\n`)[0]).toBe(
      'Row 2, column sn1 (D): "33" is not a three-digit local authority number',
    );
    const m = parse(
      `lait_id,topic,measure,measure_code,polarity,unit_label,year_type,decimals,description\n1,Care,"Children looked after\nrate",LAC,-,"Rate per 10,000",Annual,1,"Two\nlines"\n2,Care,Leavers,EET,High,% of leavers,Financial Year,0,x\n`,
    );
    if (!m.ok || m.layout !== "measures") throw new Error("expected measures");
    expect(m.rows.map((r) => [r.code, r.polarity, r.unit])).toEqual([
      ["LAC", "NEITHER", "RATE_PER_10K"],
      ["EET", "HIGHER_IS_BETTER", "PERCENT"],
    ]);
  });
  it("maps LAIT's unit labels", () => {
    expect(["% of leavers", "Rate per 10,000", "Number of children", "Days"].map(unitOf)).toEqual([
      "PERCENT",
      "RATE_PER_10K",
      "COUNT",
      null,
    ]);
  });
});
