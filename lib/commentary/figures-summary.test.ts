import { describe, expect, it } from "vitest";
import { buildFiguresSummary, describeMovement, type SummaryFigure } from "@/lib/commentary/figures-summary";

const fig = (f: Partial<SummaryFigure> & Pick<SummaryFigure, "name" | "previous" | "current">): SummaryFigure => ({
  unit: "COUNT",
  decimals: 0,
  suppressSmallNumbers: false,
  lastYear: null,
  ...f,
});
const AUG = ["August 2019", "July 2019", "August 2018"] as const;
const APR = ["April 2020", "March 2020", "April 2019"] as const;
const SGO = { name: "Special guardianship orders", suppressSmallNumbers: true } as const;
const SMALL = "a small number this month (not shown to protect children's privacy)";

describe("figures summary: this month against last month", () => {
  it("describes a count that fell, as councillors read it", () => {
    expect(describeMovement(fig({ name: "Contacts", previous: 1861, current: 1337 }), ...AUG)).toBe(
      "Contacts fell from 1,861 to 1,337 (28%)",
    );
  });
  it("describes percentages in points and rates per 10,000", () => {
    expect(
      describeMovement(fig({ name: "Assessments in 45 days", unit: "PERCENT", decimals: 1, previous: 80.2, current: 58 }), ...AUG),
    ).toBe("Assessments in 45 days fell from 80.2% to 58.0% (22.2 percentage points)");
    expect(describeMovement(fig({ name: "Referral rate", unit: "RATE_PER_10K", decimals: 1, previous: 930, current: 941.5 }), ...AUG)).toBe(
      "Referral rate rose from 930.0 to 941.5 per 10,000 (1%)",
    );
  });
  it("leaves out an unchanged figure, judged at the displayed precision", () => {
    expect(describeMovement(fig({ name: "A", previous: 5, current: 5 }), ...AUG)).toBeNull();
    expect(describeMovement(fig({ name: "A", previous: 0, current: 3 }), ...AUG)).toBe("A rose from 0 to 3 (up 3)");
    const pct = { name: "P", unit: "PERCENT", decimals: 1 } as const;
    expect(describeMovement(fig({ ...pct, previous: 58.01, current: 58.04 }), ...AUG)).toBeNull();
    // 58.04 and 58.06 read as 58.0% and 58.1%: that is a movement, not "no change".
    expect(describeMovement(fig({ ...pct, previous: 58.04, current: 58.06 }), ...AUG)).toBe(
      "P rose from 58.0% to 58.1% (0.1 percentage points)",
    );
  });
  it("builds a Markdown list of what moved, or says nothing moved when every figure has two values", () => {
    const md = buildFiguresSummary(
      [fig({ name: "Contacts", previous: 1861, current: 1337 }), fig({ name: "Referrals", previous: 400, current: 400 })],
      ...AUG,
    );
    expect(md).toBe("Figures for August 2019 against July 2019:\n\n- Contacts fell from 1,861 to 1,337 (28%).");
    expect(buildFiguresSummary([fig({ name: "Referrals", previous: 400, current: 400, lastYear: 380 })], ...AUG)).toBe(
      "No figures in this section moved between July 2019 and August 2019.",
    );
  });
  it("says a section has no figures rather than that none moved", () => {
    expect(buildFiguresSummary([], ...AUG)).toBe("This section has no figures for August 2019.");
  });
});

describe("figures summary: missing figures", () => {
  it("April 2020 with March 2020 never opened: says March is missing and compares with April 2019", () => {
    const md = buildFiguresSummary(
      [
        fig({ name: "Contacts", previous: null, current: 1337, lastYear: 1200 }),
        fig({ name: "Referrals", previous: null, current: 400, lastYear: 400 }),
      ],
      ...APR,
    );
    expect(md).not.toMatch(/moved/);
    expect(md).toBe(
      [
        "Figures for April 2020 against March 2020:",
        "",
        "- Contacts: no figure for March 2020; rose from 1,200 in April 2019 to 1,337 (11%).",
        "- Referrals: no figure for March 2020; 400, the same as in April 2019.",
      ].join("\n"),
    );
  });
  it("says there is nothing to compare with when last month and last year are both missing", () => {
    expect(describeMovement(fig({ name: "Contacts", previous: null, current: 1337 }), ...APR)).toBe(
      "Contacts: 1,337 in April 2020; no figure for March 2020 or April 2019 to compare with",
    );
    expect(
      describeMovement(
        fig({ name: "Referral rate", unit: "RATE_PER_10K", decimals: 1, previous: null, current: 934.23, lastYear: null }),
        ...APR,
      ),
    ).toBe("Referral rate: 934.2 per 10,000 in April 2020; no figure for March 2020 or April 2019 to compare with");
  });
  it("says when this month's figure is missing", () => {
    expect(describeMovement(fig({ name: "Contacts", previous: 1861, current: null, lastYear: 1500 }), ...APR)).toBe(
      "Contacts: no figure for April 2020",
    );
  });
  it("lists what is known and what is missing, unchanged figures included, when any figure is missing", () => {
    const md = buildFiguresSummary(
      [
        fig({ name: "Contacts", previous: 1861, current: 1337 }),
        fig({ name: "Referrals", previous: 400, current: 400 }),
        fig({ name: "Assessments in 45 days", unit: "PERCENT", decimals: 1, previous: null, current: 58, lastYear: 80.2 }),
        fig({ name: "Re-referrals", previous: 12, current: null }),
      ],
      ...APR,
    );
    expect(md).toBe(
      [
        "Figures for April 2020 against March 2020:",
        "",
        "- Contacts fell from 1,861 to 1,337 (28%).",
        "- Referrals stayed at 400.",
        "- Assessments in 45 days: no figure for March 2020; fell from 80.2% in April 2019 to 58.0% (22.2 percentage points).",
        "- Re-referrals: no figure for April 2020.",
      ].join("\n"),
    );
  });
  it("never says nothing moved when an unchanged figure sits beside a missing one", () => {
    const md = buildFiguresSummary(
      [fig({ name: "Referrals", previous: 400, current: 400 }), fig({ name: "Contacts", previous: null, current: null })],
      ...APR,
    );
    expect(md).toBe("Figures for April 2020 against March 2020:\n\n- Referrals stayed at 400.\n- Contacts: no figure for April 2020.");
  });
});

describe("figures summary: small numbers", () => {
  it("never writes a suppressed count this month, nor its movement", () => {
    for (const [previous, current, lastYear] of [
      [9, 3, null],
      [3, 3, null],
      [null, 1, 4],
      [null, 5, null],
      [0, 2, 7],
    ] as const) {
      const line = describeMovement(fig({ ...SGO, previous, current, lastYear }), ...APR);
      expect(line).toBe(`Special guardianship orders: ${SMALL}`);
    }
  });
  it("gives this month's figure but not the change when the comparison was a small number", () => {
    expect(describeMovement(fig({ ...SGO, previous: 3, current: 8 }), ...APR)).toBe(
      "Special guardianship orders: 8 in April 2020; the change is not shown, as the figure for March 2020 was a small number (not shown to protect children's privacy)",
    );
    expect(describeMovement(fig({ ...SGO, previous: null, current: 0, lastYear: 2 }), ...APR)).toBe(
      "Special guardianship orders: no figure for March 2020; 0 in April 2020; the change is not shown, as the figure for April 2019 was a small number (not shown to protect children's privacy)",
    );
  });
  it("treats 0, counts over 5 and indicators that do not suppress as ordinary figures", () => {
    expect(describeMovement(fig({ ...SGO, previous: 0, current: 6 }), ...APR)).toBe("Special guardianship orders rose from 0 to 6 (up 6)");
    expect(describeMovement(fig({ name: "Adoptions", previous: 2, current: 4 }), ...APR)).toBe("Adoptions rose from 2 to 4 (100%)");
  });
  it("does not say nothing moved when a small number hides whether it did", () => {
    const md = buildFiguresSummary(
      [fig({ name: "Referrals", previous: 400, current: 400 }), fig({ ...SGO, previous: 3, current: 3 })],
      ...APR,
    );
    expect(md).toBe(`Figures for April 2020 against March 2020:\n\n- Referrals stayed at 400.\n- Special guardianship orders: ${SMALL}.`);
    expect(md).not.toMatch(/\b3\b/);
  });
});
