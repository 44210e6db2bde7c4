import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadSectionWorkspace } from "@/lib/commentary/load-section-workspace";
import { createPeriod, createSection, createTestUser, unique, uniqueMonth } from "@/test/factories";

async function setup() {
  const lead = await createTestUser("SERVICE_LEAD");
  const section = await createSection([lead.id]);
  const year = Number(uniqueMonth().slice(0, 4));
  const [april, lastApril] = await Promise.all([createPeriod({ month: `${year}-04` }), createPeriod({ month: `${year - 1}-04` })]);
  const indicator = (
    order: number,
    name: string,
    extra: { unit?: "COUNT" | "RATE_PER_10K"; decimals?: number; suppressSmallNumbers?: boolean } = {},
  ) =>
    db.indicator.create({
      data: {
        code: unique("IND"),
        name,
        sectionId: section.id,
        definition: "d",
        unit: "COUNT",
        polarity: "NEITHER",
        measureType: "MONTHLY_COUNT",
        order,
        ...extra,
      },
    });
  const value = (indicatorId: string, periodId: string, v: number) =>
    db.indicatorValue.create({ data: { indicatorId, periodId, value: v, source: "ENTRY", updatedByName: "t" } });
  return { lead: lead.sessionUser, section, year, april, lastApril, indicator, value };
}

describe("loadSectionWorkspace figures summary", () => {
  it("with last month never opened, compares with the same month last year and hides small numbers", async () => {
    const { lead, section, year, april, lastApril, indicator, value } = await setup();
    const contacts = await indicator(1, "Contacts");
    const sgo = await indicator(2, "Special guardianship orders", { suppressSmallNumbers: true });
    const rate = await indicator(3, "Referral rate", { unit: "RATE_PER_10K", decimals: 1 });
    await Promise.all([
      value(contacts.id, april.id, 1337),
      value(contacts.id, lastApril.id, 1200),
      value(sgo.id, april.id, 3),
      value(sgo.id, lastApril.id, 7),
      value(rate.id, april.id, 934.2),
    ]);

    const ws = await loadSectionWorkspace(lead, `${year}-04`, section.slug);
    expect(ws.figuresSummary).toBe(
      [
        `Figures for April ${year} against March ${year}:`,
        "",
        `- Contacts: no figure for March ${year}; rose from 1,200 in April ${year - 1} to 1,337 (11%).`,
        "- Special guardianship orders: a small number this month (not shown to protect children's privacy).",
        `- Referral rate: 934.2 per 10,000 in April ${year}; no figure for March ${year} or April ${year - 1} to compare with.`,
      ].join("\n"),
    );
  });

  it("with both months' figures, lists only what moved, as before", async () => {
    const { lead, section, year, april, indicator, value } = await setup();
    const march = await createPeriod({ month: `${year}-03` });
    const contacts = await indicator(1, "Contacts");
    const referrals = await indicator(2, "Referrals");
    await Promise.all([
      value(contacts.id, march.id, 1861),
      value(contacts.id, april.id, 1337),
      value(referrals.id, march.id, 400),
      value(referrals.id, april.id, 400),
    ]);

    const ws = await loadSectionWorkspace(lead, `${year}-04`, section.slug);
    expect(ws.figuresSummary).toBe(`Figures for April ${year} against March ${year}:\n\n- Contacts fell from 1,861 to 1,337 (28%).`);
  });
});
