import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { indicatorNameForTitle, sectionNameForTitle } from "@/lib/page-names";
import { createSection, createTestUser, unique } from "@/test/factories";

describe("the names page titles carry", () => {
  it("names a section and an indicator to staff, and nothing to a panel member or nobody", async () => {
    const section = await createSection();
    const code = unique("TTL").toUpperCase().replace(/-/g, "_");
    await db.indicator.create({
      data: {
        code,
        name: `Name of ${code}`,
        sectionId: section.id,
        definition: "d",
        unit: "COUNT",
        polarity: "NEITHER",
        measureType: "MONTHLY_COUNT",
        decimals: 0,
        order: 1,
      },
    });
    const lead = (await createTestUser("SERVICE_LEAD")).sessionUser;
    const panel = (await createTestUser("PANEL_MEMBER")).sessionUser;
    expect(await sectionNameForTitle(lead, section.slug)).toBe(section.name);
    expect(await indicatorNameForTitle(lead, code)).toBe(`Name of ${code}`);
    expect(await sectionNameForTitle(panel, section.slug)).toBeNull();
    expect(await indicatorNameForTitle(panel, code)).toBeNull();
    expect(await sectionNameForTitle(null, section.slug)).toBeNull();
    expect(await sectionNameForTitle(lead, "no-such-section")).toBeNull();
    expect(await indicatorNameForTitle(lead, "NO_SUCH_CODE")).toBeNull();
  });
});
