// What a snapshot may state: only signed-off months' figures, and nothing derived from a suppressed
// figure. On a small council made for each test, through the real database.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildSnapshot } from "@/lib/pack/snapshot/build-snapshot";
import { exportRows, EXPORT_COLUMNS } from "@/lib/pack/delivery/export-rows";
import { addMonths } from "@/lib/format/dates";
import { createPeriod, createSection, unique, uniqueMonth } from "@/test/factories";

type Status = "OPEN" | "SIGNED_OFF" | "PUBLISHED" | "AMENDING";

async function council(prevStatus: Status, opts: { count?: { target: number; tolerance: number } } = {}) {
  const section = await createSection();
  const month = uniqueMonth();
  const lastYear = await createPeriod({ month: addMonths(month, -12), status: "PUBLISHED" });
  const prev = await createPeriod({ month: addMonths(month, -1), status: prevStatus });
  const period = await createPeriod({ month });
  const code = (p: string) => unique(p).toUpperCase().replace(/-/g, "_");
  const count = await db.indicator.create({
    data: {
      code: code("CNT"),
      name: "Orders",
      sectionId: section.id,
      definition: "d",
      unit: "COUNT",
      polarity: "HIGHER_IS_BETTER",
      measureType: "MONTHLY_COUNT",
      decimals: 0,
      order: 1,
      suppressSmallNumbers: true,
    },
  });
  const pct = await db.indicator.create({
    data: {
      code: code("PCT"),
      name: "Visits",
      sectionId: section.id,
      definition: "d",
      unit: "PERCENT",
      polarity: "HIGHER_IS_BETTER",
      measureType: "MONTHLY_COUNT",
      decimals: 1,
      order: 2,
    },
  });
  if (opts.count)
    await db.indicatorTarget.create({
      data: { indicatorId: count.id, fromMonth: addMonths(month, -24), target: opts.count.target, tolerance: opts.count.tolerance },
    });
  const value = (indicatorId: string, periodId: string, v: number) =>
    db.indicatorValue.create({ data: { indicatorId, periodId, value: v, source: "ENTRY", updatedByName: "t" } });
  await value(pct.id, lastYear.id, 70);
  await value(pct.id, prev.id, 82);
  await value(pct.id, period.id, 76);
  return { section, month, prev, period, count, pct, value, lastYear };
}

const snapshotOf = async (c: Awaited<ReturnType<typeof council>>) => {
  const snap = await db.$transaction((tx) =>
    buildSnapshot(tx, {
      period: { ...c.period, panelMeetingDate: c.period.panelMeetingDate },
      version: 1,
      signer: { name: "D", role: "DIRECTOR" },
      signedAt: new Date(),
      amendmentReason: null,
    }),
  );
  return { snap, section: snap.sections.find((s) => s.slug === c.section.slug)! };
};

const numbersIn = (x: unknown): number[] =>
  typeof x === "number" ? [x] : x && typeof x === "object" ? Object.values(x).flatMap(numbersIn) : [];

describe("the figures a snapshot may show", () => {
  it("leaves out a month that is still open, and says so, instead of showing its unsigned figures", async () => {
    const c = await council("OPEN");
    const { section } = await snapshotOf(c);
    const pct = section.indicators[1];
    expect(pct.value).toBe(76);
    expect(pct.lastMonth).toBeNull();
    expect(pct.unsigned).toEqual({ lastMonth: true, lastYear: false });
    expect(pct.vsLastMonth).toBeNull();
    expect(pct.changeVsLastMonth).toBeNull();
    expect(pct.lastYear).toBe(70);
    expect(pct.trend.find((t) => t.month === c.prev.month)).toEqual({ month: c.prev.month, value: null, unsigned: true });
    expect(pct.trend.find((t) => t.month === c.lastYear.month)).toEqual({ month: c.lastYear.month, value: 70 });
    expect(pct.summary).toMatch(/not yet signed off/);
    // The number 82 as a value anywhere, not as text: the random codes in this council can contain "82".
    expect(numbersIn(section)).not.toContain(82);
  });

  it("shows a signed-off or published month's figures", async () => {
    for (const status of ["SIGNED_OFF", "PUBLISHED"] as const) {
      const c = await council(status);
      const { section } = await snapshotOf(c);
      expect(section.indicators[1]).toMatchObject({ lastMonth: 82, vsLastMonth: { verdict: "WORSE" }, unsigned: { lastMonth: false } });
    }
  });

  it("shows a month being amended as its last signed-off version stated it, not its live edits", async () => {
    const c = await council("AMENDING");
    await db.indicatorValue.updateMany({ where: { indicatorId: c.pct.id, periodId: c.prev.id }, data: { value: 99 } });
    const snapshot = {
      sections: [{ indicators: [{ code: c.pct.code, value: 82, suppressed: { value: false }, notAvailableReason: null }] }],
    };
    await db.packVersion.create({
      data: {
        periodId: c.prev.id,
        version: 1,
        snapshot,
        contentHash: "x",
        signedOffByName: "D",
        signedOffByRole: "DIRECTOR",
        signedOffAt: new Date(),
      },
    });
    const { section } = await snapshotOf(c);
    expect(section.indicators[1]).toMatchObject({ lastMonth: 82 });
  });
});

describe("a suppressed figure withholds everything worked out from it", () => {
  it("gives no RAG, direction or exception for a small count, on the page or in the downloads", async () => {
    // Target 3 with tolerance 1: a rating of Amber would say the hidden count is 4 (or 2).
    const c = await council("PUBLISHED", { count: { target: 3, tolerance: 1 } });
    await c.value(c.count.id, c.lastYear.id, 9);
    await c.value(c.count.id, c.prev.id, 8);
    await c.value(c.count.id, c.period.id, 4);
    const { snap, section } = await snapshotOf(c);
    const count = section.indicators[0];
    expect(count).toMatchObject({
      value: null,
      suppressed: { value: true },
      rag: null,
      vsLastMonth: null,
      vsLastYear: null,
      exception: false,
      changeVsLastMonth: "c",
      changeVsLastYear: "c",
    });
    expect(count.target).toMatchObject({ value: 3 });
    const row = exportRows({ month: snap.month, sections: [section] })[0].cells;
    const cell = (name: (typeof EXPORT_COLUMNS)[number]) => row[EXPORT_COLUMNS.indexOf(name)];
    expect([cell("This month"), cell("RAG"), cell("On last month"), cell("On last year")]).toEqual(["c", null, null, null]);
    expect(JSON.stringify(count)).not.toMatch(/"(AMBER|RED|GREEN)"/);
  });
});

describe("a small number last month or last year gives no direction this month", () => {
  it("shows this month's figure but no Up or Down against a suppressed one, on the page or in the downloads", async () => {
    // 12 this month against 3 last month: "Up" would say last month was under 12, and with the
    // count's history the reader could narrow the "c" down.
    const c = await council("PUBLISHED");
    await c.value(c.count.id, c.lastYear.id, 4);
    await c.value(c.count.id, c.prev.id, 3);
    await c.value(c.count.id, c.period.id, 12);
    const { snap, section } = await snapshotOf(c);
    const count = section.indicators[0];
    expect(count).toMatchObject({
      value: 12,
      lastMonth: null,
      lastYear: null,
      suppressed: { value: false, lastMonth: true, lastYear: true },
      vsLastMonth: null,
      vsLastYear: null,
      changeVsLastMonth: "c",
      changeVsLastYear: "c",
    });
    expect(count.summary).not.toMatch(/\b(Up|Down)\b/);
    expect(JSON.stringify(count)).not.toMatch(/"(UP|DOWN|IMPROVED|WORSE|SAME)"/);
    const row = exportRows({ month: snap.month, sections: [section] })[0].cells;
    const cell = (name: (typeof EXPORT_COLUMNS)[number]) => row[EXPORT_COLUMNS.indexOf(name)];
    expect([cell("This month"), cell("On last month"), cell("On last year")]).toEqual([12, null, null]);
    // The same count against figures that are not small numbers has its directions.
    const d = await council("PUBLISHED");
    await d.value(d.count.id, d.lastYear.id, 40);
    await d.value(d.count.id, d.prev.id, 30);
    await d.value(d.count.id, d.period.id, 12);
    const plain = (await snapshotOf(d)).section.indicators[0];
    expect(plain).toMatchObject({ value: 12, vsLastMonth: { movement: "DOWN" }, vsLastYear: { movement: "DOWN" } });
  });
});

describe("a computed figure's provenance", () => {
  const computed = (numerator: number, denominator: number | null, words: string) => ({
    kind: "annex-a",
    asAt: "2019-07-31",
    coversFrom: "2018-07-01",
    fileSha256: "d1".repeat(32),
    rulesVersion: "2026-12.1",
    numerator,
    denominator,
    words,
    rule: "The rule.",
    computedAt: "2019-08-02T09:00:00.000Z",
  });

  it("is frozen with the value, and left out for a typed one", async () => {
    const c = await council("PUBLISHED");
    await db.indicatorValue.updateMany({
      where: { indicatorId: c.pct.id, periodId: c.period.id },
      data: { provenance: computed(19, 25, "19 of 25 visits") },
    });
    await c.value(c.count.id, c.period.id, 40);
    const { section } = await snapshotOf(c);
    expect(section.indicators[1].provenance).toEqual(computed(19, 25, "19 of 25 visits"));
    expect(section.indicators[0].provenance).toBeNull();
  });

  it("keeps its working out of the pack where that would show a small number the indicator suppresses", async () => {
    const c = await council("PUBLISHED");
    await c.value(c.count.id, c.period.id, 4);
    await db.indicatorValue.updateMany({
      where: { indicatorId: c.count.id, periodId: c.period.id },
      data: { provenance: computed(4, null, "4 children") },
    });
    const { section } = await snapshotOf(c);
    expect(section.indicators[0].provenance).toMatchObject({
      numerator: null,
      denominator: null,
      words: null,
      fileSha256: "d1".repeat(32),
    });
    expect(JSON.stringify(section.indicators[0])).not.toContain("4 children");
  });
});

describe("a chart's text alternative", () => {
  it("states the trend in words, since the PDF prints no month table", async () => {
    const { trendInWords } = await import("@/lib/pack/snapshot/chart-spec");
    const trend = [
      { month: "2019-01", value: 10 },
      { month: "2019-02", value: null, unsigned: true as const },
      { month: "2019-03", value: 4 },
      { month: "2019-04", value: 12 },
    ];
    expect(trendInWords(trend, { unit: "COUNT", decimals: 0 })).toBe(
      "From 10 in January 2019 to 12 in April 2019; lowest 4 in March 2019, highest 12 in April 2019.",
    );
    expect(trendInWords([{ month: "2019-01", value: 10 }], { unit: "COUNT", decimals: 0 })).toBe("");
  });
});
