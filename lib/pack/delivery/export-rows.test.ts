import { describe, expect, it } from "vitest";
import { EXPORT_COLUMNS, exportRows } from "@/lib/pack/delivery/export-rows";
import { buildCsv, buildJson, buildXlsx } from "@/lib/pack/delivery/export-files";
import { contentHash, verifyContentHash } from "@/lib/pack/snapshot/content-hash";
import type { PackSnapshot } from "@/lib/pack/snapshot/snapshot-types";
import { sampleSnapshot } from "@/test/pack-fixtures";
import ExcelJS from "exceljs";

const col = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name);

describe("export rows from a snapshot", () => {
  const rows = exportRows(sampleSnapshot());
  const byCode = (code: string) => rows.find((r) => r.cells[col("Code")] === code)!;

  it("has one row per indicator in pack order, every column filled in order", () => {
    expect(rows.map((r) => r.cells[col("Code")])).toEqual(["CONTACTS", "SMALL", "REF_RPT_PCT", "MISSING"]);
    for (const r of rows) expect(r.cells).toHaveLength(EXPORT_COLUMNS.length);
  });

  it("gives figures, changes as displayed, target, RAG and directions in words", () => {
    const pct = byCode("REF_RPT_PCT");
    expect(pct.decimals).toBe(1);
    expect(pct.cells.slice(0, 5)).toEqual(["2019-07", "Demand", "REF_RPT_PCT", "Re-referrals", "Percentage"]);
    expect(pct.cells[col("This month")]).toBe(22.5);
    expect(pct.cells[col("Change on last month")]).toBe(2.4); // 22.5 - 20.1 as displayed
    expect(pct.cells[col("Same month last year")]).toBeNull();
    expect(pct.cells[col("Change on last year")]).toBeNull();
    expect(pct.cells[col("Target")]).toBe(20);
    expect(pct.cells[col("RAG")]).toBe("Red");
    expect(pct.cells[col("On last month")]).toBe("Up, worse");
    expect(pct.cells[col("England")]).toBe(22.6);
    expect(pct.cells[col("England period")]).toBe("England 2018-19");
    const contacts = byCode("CONTACTS");
    expect(contacts.cells[col("Change on last month")]).toBe(-524);
    expect(contacts.cells[col("On last month")]).toBe("Down");
    expect(contacts.cells[col("England")]).toBeNull();
    expect(contacts.cells[col("England period")]).toBe("Not comparable");
  });

  it("shows suppressed figures and the changes they affect as c", () => {
    const small = byCode("SMALL");
    expect(small.cells[col("This month")]).toBe(9);
    expect(small.cells[col("Last month")]).toBe("c");
    expect(small.cells[col("Change on last month")]).toBe("c");
    expect(small.cells[col("Change on last year")]).toBe(-3);
    expect(small.cells[col("On last year")]).toBe("Down, better");
    expect(small.cells[col("Notes")]).toBe("Two late recorded");
  });

  it("leaves a missing figure empty and says why in the notes", () => {
    const missing = byCode("MISSING");
    expect(missing.cells[col("This month")]).toBeNull();
    expect(missing.cells[col("Change on last month")]).toBeNull();
    expect(missing.cells[col("Notes")]).toBe("Not available: System outage");
  });
});

describe("the CSV", () => {
  it("is UTF-8 with a BOM, CRLF records, a header row and formula-safe text", () => {
    const csv = buildCsv(sampleSnapshot());
    expect(csv.startsWith("\uFEFFMonth,Section,Code,Indicator,Unit,This month,")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toHaveLength(6); // header, 4 rows, trailing empty
    expect(lines[1]).toBe("2019-07,Demand,CONTACTS,Contacts,Number,1337,1861,-524,1200,137,,,Down,Up,,Not comparable,,No,,");
    expect(lines[2]).toContain(`,SMALL,"'=HYPERLINK(""http://evil"")",Number,9,c,c,12,-3,`);
    expect(lines[3]).toContain(`,Percentage,22.5,20.1,2.4,,,20.0,Red,"Up, worse",,22.6,England 2018-19,`);
  });
});

describe("actions on exceptions in the downloads", () => {
  const withActions = () => {
    const snap = sampleSnapshot();
    const pct = snap.sections[0].indicators.find((i) => i.code === "REF_RPT_PCT")!;
    Object.assign(pct, {
      exception: true,
      exceptionSince: "2019-03",
      actions: [
        {
          description: "Audit re-referrals",
          ownerName: "Head of Early Help",
          dueDate: "2019-09-30",
          status: "OPEN",
          droppedReason: null,
          fromMonth: "2019-06",
        },
        {
          description: "Training",
          ownerName: "Team manager",
          dueDate: "2019-07-31",
          status: "DROPPED",
          droppedReason: "Covered by the audit",
          fromMonth: "2019-07",
        },
      ],
    });
    const contacts = snap.sections[0].indicators.find((i) => i.code === "CONTACTS")!;
    Object.assign(contacts, {
      resolvedActions: [
        {
          description: "Triage at the front door",
          ownerName: "MASH manager",
          dueDate: "2019-06-30",
          status: "OPEN",
          droppedReason: null,
          fromMonth: "2019-05",
        },
      ],
    });
    return snap;
  };

  it("CSV: each indicator says whether it is an exception, since when, and its actions in words", () => {
    const rows = exportRows(withActions());
    const pct = rows.find((r) => r.cells[col("Code")] === "REF_RPT_PCT")!.cells;
    expect(pct[col("Exception")]).toBe("Yes");
    expect(pct[col("On the exceptions list since")]).toBe("2019-03");
    expect(pct[col("Actions")]).toBe(
      "Audit re-referrals (owner: Head of Early Help; due 2019-09-30; open; carried from 2019-06)\nTraining (owner: Team manager; due 2019-07-31; dropped: Covered by the audit)",
    );
    const contacts = rows.find((r) => r.cells[col("Code")] === "CONTACTS")!.cells;
    expect(contacts[col("Actions")]).toBe("Triage at the front door (owner: MASH manager; due 2019-06-30; resolved; carried from 2019-05)");
    expect(buildCsv(withActions())).toContain(
      '"Audit re-referrals (owner: Head of Early Help; due 2019-09-30; open; carried from 2019-06)\nTraining',
    );
  });

  it("Excel: one row per action on its own sheet; JSON: the actions are in the snapshot", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildXlsx(withActions(), { version: 1, publishedAt: null, contentHash: "h" })) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Actions on exceptions")!;
    const values = sheet
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(values).toEqual([
      [
        "Month",
        "Section",
        "Code",
        "Indicator",
        "On the list since",
        "Action",
        "Owner",
        "Due date",
        "Status",
        "Dropped because",
        "Recorded for",
      ],
      [
        "2019-07",
        "Demand",
        "CONTACTS",
        "Contacts",
        undefined,
        "Triage at the front door",
        "MASH manager",
        "2019-06-30",
        "Resolved",
        undefined,
        "2019-05",
      ],
      [
        "2019-07",
        "Demand",
        "REF_RPT_PCT",
        "Re-referrals",
        "2019-03",
        "Audit re-referrals",
        "Head of Early Help",
        "2019-09-30",
        "Open",
        undefined,
        "2019-06",
      ],
      [
        "2019-07",
        "Demand",
        "REF_RPT_PCT",
        "Re-referrals",
        "2019-03",
        "Training",
        "Team manager",
        "2019-07-31",
        "Dropped",
        "Covered by the audit",
        "2019-07",
      ],
    ]);
    const json = JSON.parse(buildJson(withActions(), { month: "2019-07", version: 1, publishedAt: null, contentHash: "h" })) as {
      snapshot: PackSnapshot;
    };
    expect(json.snapshot.sections[0].indicators.find((i) => i.code === "REF_RPT_PCT")?.actions).toHaveLength(2);
  });
});

describe("the Excel workbook", () => {
  it("has the figures as numbers with the indicator's format, text escaped, and the hash on the About sheet", async () => {
    const buf = await buildXlsx(sampleSnapshot(), { version: 1, publishedAt: "2019-08-15T17:00:00.000Z", contentHash: "abc123" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Figures")!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...EXPORT_COLUMNS]);
    const contacts = sheet.getRow(2);
    expect(contacts.getCell(col("This month") + 1).value).toBe(1337);
    expect(contacts.getCell(col("This month") + 1).numFmt).toBe("#,##0");
    expect(sheet.getRow(3).getCell(col("Indicator") + 1).value).toBe(`'=HYPERLINK("http://evil")`);
    expect(sheet.getRow(3).getCell(col("Last month") + 1).value).toBe("c");
    const pct = sheet.getRow(4).getCell(col("This month") + 1);
    expect(pct.value).toBe(22.5);
    expect(pct.numFmt).toBe("#,##0.0");
    const about = wb.getWorksheet("About this pack")!;
    const facts = Object.fromEntries(
      about
        .getSheetValues()
        .filter(Boolean)
        .map((r) => [(r as string[])[1], (r as string[])[2]]),
    );
    expect(facts["Content hash"]).toBe("abc123");
    expect(facts.Version).toBe("1");
    expect(facts.Month).toBe("July 2019");
  });
});

describe("the JSON", () => {
  it("holds the snapshot exactly, so its SHA-256 over canonical JSON matches the hash", () => {
    const snapshot = sampleSnapshot();
    const hash = contentHash(snapshot);
    const parsed = JSON.parse(buildJson(snapshot, { month: "2019-07", version: 1, publishedAt: null, contentHash: hash })) as {
      hashAlgorithm: string;
      contentHash: string;
      snapshot: PackSnapshot;
    };
    expect(parsed).toMatchObject({ month: "2019-07", version: 1, contentHash: hash });
    expect(parsed.hashAlgorithm).toMatch(/SHA-256/);
    expect(verifyContentHash(parsed.snapshot, parsed.contentHash)).toBe(true);
  });
});
