import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { indicatorChangeInput, newIndicatorInput } from "@/lib/catalogue/indicator-input";
import { indicatorForm } from "@/test/catalogue-fixtures";
import { zodFieldErrors } from "@/lib/action-result";

const sectionId = randomUUID();
const errorsFor = (form: Record<string, unknown>) => {
  const r = newIndicatorInput.safeParse(form);
  return r.success ? {} : zodFieldErrors(r.error);
};

describe("newIndicatorInput", () => {
  it("parses a complete form into the catalogue's types", () => {
    const r = newIndicatorInput.parse(
      indicatorForm(sectionId, { order: "3", timescale: "  45 working days ", suppressSmallNumbers: "on" }),
    );
    expect(r).toMatchObject({
      code: "ASSESS_45WD_PCT",
      decimals: 1,
      order: 3,
      active: true,
      suppressSmallNumbers: true,
      timescale: "45 working days",
      dataSource: null,
    });
  });

  it("treats an unticked checkbox as false and a blank position as 'at the end'", () => {
    const r = newIndicatorInput.parse(indicatorForm(sectionId, { active: undefined }));
    expect(r.active).toBe(false);
    expect(r.suppressSmallNumbers).toBe(false);
    expect(r.order).toBeNull();
  });

  it.each([
    ["cp_plans", "capital letters"],
    ["CP PLANS", "capital letters"],
    ["1CP", "capital letters"],
    ["CP__PLANS", "capital letters"],
    ["", "Enter a code"],
    ["A".repeat(41), "40 characters or fewer"],
  ])("refuses the code %j", (code, message) => {
    expect(errorsFor(indicatorForm(sectionId, { code })).code).toContain(message);
  });

  it("says which fields are missing, one message each", () => {
    const errors = errorsFor({ code: "X" });
    expect(errors).toMatchObject({
      name: "Enter a name",
      sectionId: "Select a section",
      definition: "Enter a definition",
      unit: "Select the unit",
      polarity: "Select which direction is better",
      measureType: "Select how the monthly value is formed",
    });
  });

  it("insists that counts have no decimal places", () => {
    const errors = errorsFor(indicatorForm(sectionId, { unit: "COUNT", measureType: "MONTH_END_SNAPSHOT", decimals: "1" }));
    expect(errors.decimals).toBe("A count is a whole number: decimal places must be 0");
    expect(errorsFor(indicatorForm(sectionId, { unit: "COUNT", measureType: "MONTH_END_SNAPSHOT", decimals: "0" }))).toEqual({});
  });

  it("allows 0 to 3 decimal places only", () => {
    expect(errorsFor(indicatorForm(sectionId, { decimals: "4" })).decimals).toBe("Decimal places must be 0, 1, 2 or 3");
    expect(errorsFor(indicatorForm(sectionId, { decimals: "" })).decimals).toBe("Decimal places must be 0, 1, 2 or 3");
    expect(errorsFor(indicatorForm(sectionId, { unit: "RATE_PER_10K", measureType: "ROLLING_12M", decimals: "3" }))).toEqual({});
  });

  it("keeps measure types and units consistent", () => {
    expect(errorsFor(indicatorForm(sectionId, { unit: "COUNT", decimals: "0" })).unit).toBe(
      "An in-month percentage must have the unit Percentage",
    );
    expect(errorsFor(indicatorForm(sectionId, { measureType: "MONTHLY_COUNT" })).unit).toBe("A monthly count must have the unit Count");
  });

  it("refuses unknown enum values and a position outside 1-999", () => {
    const errors = errorsFor(indicatorForm(sectionId, { unit: "LITRES", polarity: "UP", order: "0" }));
    expect(errors).toMatchObject({
      unit: "Select the unit",
      polarity: "Select which direction is better",
      order: "Position in section must be a whole number from 1 to 999",
    });
  });
});

describe("indicatorChangeInput", () => {
  it("needs the version the editor saw", () => {
    const r = indicatorChangeInput.safeParse(indicatorForm(sectionId));
    expect(r.success).toBe(false);
    expect(zodFieldErrors(r.error!).expectedUpdatedAt).toBe("The form is out of date: reload the page");
    const at = new Date("2026-11-26T09:30:00.123Z");
    expect(indicatorChangeInput.parse({ ...indicatorForm(sectionId), expectedUpdatedAt: at.toISOString() }).expectedUpdatedAt).toEqual(at);
  });
});
