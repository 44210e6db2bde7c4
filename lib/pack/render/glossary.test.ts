import { describe, expect, it } from "vitest";
import { PACK_GLOSSARY, spellOutFirstUse, spellOutPack } from "@/lib/pack/render/glossary";

describe("the pack's glossary and abbreviations (issue 26)", () => {
  it("explains every word the issue found unexplained", () => {
    const terms = PACK_GLOSSARY.map((e) => e.term);
    for (const t of [
      "RAG",
      "MASH",
      "ICPC",
      "CP",
      "LAC",
      "Statistical neighbours",
      "Tolerance",
      "JSON with its hash",
      "Target",
      "\u2013 (a dash)",
    ])
      expect(terms).toContain(t);
    expect(PACK_GLOSSARY.find((e) => e.term === "Target")!.meaning).toContain("None");
    // Alphabetical, as a reader looks a word up (the dash last).
    const words = terms.slice(0, -1).map((t) => t.toLowerCase());
    expect(words).toEqual([...words].sort());
  });

  it("writes an abbreviation out at its first use only", () => {
    const seen = new Set<string>();
    expect(spellOutFirstUse("MASH decisions within 24 hours", seen)).toBe("MASH (multi-agency safeguarding hub) decisions within 24 hours");
    expect(spellOutFirstUse("Contacts to the MASH", seen)).toBe("Contacts to the MASH");
    expect(spellOutFirstUse("ICPCs within 15 working days", seen)).toBe(
      "ICPCs (initial child protection conferences) within 15 working days",
    );
    expect(spellOutFirstUse("ICPC held", seen)).toBe("ICPC held");
    // Already spelled out by its author: left alone, and counted as the first use.
    expect(spellOutFirstUse("Looked after children (LAC)", seen)).toBe("Looked after children (LAC)");
    expect(spellOutFirstUse("LAC rate per 10,000", seen)).toBe("LAC rate per 10,000");
    // Whole words only: "CPR" and "MASHED" are not abbreviations of the pack.
    expect(spellOutFirstUse("CPR training", new Set())).toBe("CPR training");
    expect(spellOutFirstUse("CP plans open 2 years or more", seen)).toBe("CP (child protection) plans open 2 years or more");
  });

  it("follows the pack's reading order: summary names, then commentary, then definitions", () => {
    const ind = (code: string, name: string, definition: string) => ({ code, name, definition }) as never;
    const words = spellOutPack({
      sections: [
        {
          slug: "cp",
          commentary: { body: "SGO numbers and MASH timeliness held." },
          indicators: [ind("MASH", "MASH decisions within 24 hours", "Decisions by the MASH and any SGO")],
        } as never,
      ],
    });
    expect(words.indicatorName("MASH", "MASH decisions within 24 hours")).toContain("MASH (multi-agency safeguarding hub)");
    expect(words.commentary("cp", "")).toBe("SGO (special guardianship order) numbers and MASH timeliness held.");
    expect(words.definition("MASH", "")).toBe("Decisions by the MASH and any SGO");
  });
});
