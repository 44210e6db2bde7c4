// Which other months' figures a pack may show (lib/pack/snapshot/signed-figures.ts), state by state:
// history months count as published figures, and a month being amended shows what its LAST signed-off
// version said. Through the real database. (Both were gaps found by npm run test:mutation.)
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadSignedFigures } from "@/lib/pack/snapshot/signed-figures";
import { addMonths } from "@/lib/format/dates";
import { createPeriod, createSection, unique, uniqueMonth } from "@/test/factories";

async function indicator(opts: { suppressSmallNumbers?: boolean } = {}) {
  const section = await createSection();
  const code = unique("SIG").toUpperCase().replace(/-/g, "_");
  const ind = await db.indicator.create({
    data: {
      code,
      name: code,
      sectionId: section.id,
      definition: "d",
      unit: "COUNT",
      polarity: "HIGHER_IS_BETTER",
      measureType: "MONTHLY_COUNT",
      decimals: 0,
      order: 1,
      suppressSmallNumbers: opts.suppressSmallNumbers ?? false,
    },
  });
  return { id: ind.id, code: ind.code, unit: ind.unit, decimals: ind.decimals, suppressSmallNumbers: ind.suppressSmallNumbers };
}

const value = (indicatorId: string, periodId: string, v: number) =>
  db.indicatorValue.create({ data: { indicatorId, periodId, value: v, source: "ENTRY", updatedByName: "t" } });

const signedVersion = (periodId: string, version: number, code: string, v: number, suppressed = false) =>
  db.packVersion.create({
    data: {
      periodId,
      version,
      contentHash: `h${version}`,
      signedOffByName: "D",
      signedOffByRole: "DIRECTOR",
      signedOffAt: new Date(),
      snapshot: {
        sections: [{ indicators: [{ code, value: suppressed ? null : v, suppressed: { value: suppressed }, notAvailableReason: null }] }],
      },
    },
  });

describe("the figures of other months a pack may show", () => {
  it("shows a history month's figures: a history import loads published figures", async () => {
    const ind = await indicator();
    const month = uniqueMonth();
    const history = await createPeriod({ month: addMonths(month, -1), status: "HISTORY" });
    const open = await createPeriod({ month: addMonths(month, -2), status: "OPEN" });
    await createPeriod({ month });
    await value(ind.id, history.id, 41);
    await value(ind.id, open.id, 17);
    const signed = await loadSignedFigures(db, { first: addMonths(month, -2), current: month, indicators: [ind] });
    expect(signed.monthState(history.month)).toBe("signed");
    expect(signed.figure(ind.id, history.month)).toMatchObject({ value: 41, suppressed: false });
    // Beside it, an open month's figures stay out.
    expect(signed.monthState(open.month)).toBe("unsigned");
    expect(signed.figure(ind.id, open.month)).toBeUndefined();
  });

  it("shows a month amended more than once as its latest signed-off version stated it", async () => {
    const ind = await indicator({ suppressSmallNumbers: true });
    const month = uniqueMonth();
    const amending = await createPeriod({ month: addMonths(month, -1), status: "AMENDING" });
    await createPeriod({ month });
    await value(ind.id, amending.id, 99); // the live edit, not yet signed off
    await signedVersion(amending.id, 1, ind.code, 20);
    await signedVersion(amending.id, 3, ind.code, 4, true);
    await signedVersion(amending.id, 2, ind.code, 30);
    const signed = await loadSignedFigures(db, { first: amending.month, current: month, indicators: [ind] });
    expect(signed.monthState(amending.month)).toBe("signed");
    expect(signed.figure(ind.id, amending.month)).toMatchObject({ value: null, suppressed: true });
  });
});
