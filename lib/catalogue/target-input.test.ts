import { describe, expect, it } from "vitest";
import { targetChangeInput } from "@/lib/catalogue/target-input";
import { newComparatorInput } from "@/lib/catalogue/comparator-input";
import { zodFieldErrors } from "@/lib/action-result";

const base = {
  code: "CP_PLANS",
  expectedUpdatedAt: "2026-11-26T09:30:00.000Z",
  "fromMonth-month": "6",
  "fromMonth-year": "2019",
  target: "90",
  tolerance: "5",
};
const errorsFor = (form: Record<string, unknown>) => {
  const r = targetChangeInput.safeParse(form);
  return r.success ? {} : zodFieldErrors(r.error);
};

describe("the month a target change starts from", () => {
  const month = (m: string, y: string) => targetChangeInput.safeParse({ ...base, "fromMonth-month": m, "fromMonth-year": y });
  it("makes a YYYY-MM month from the month and year boxes", () => {
    expect(month("6", "2019")).toMatchObject({ data: { fromMonth: "2019-06" } });
    expect(month(" 12 ", "2026")).toMatchObject({ data: { fromMonth: "2026-12" } });
    expect(month("04", "2018")).toMatchObject({ data: { fromMonth: "2018-04" } });
  });
  it.each([
    ["", "", "Enter the month the change starts from"],
    ["", "2019", "The month the change starts from must include a month"],
    ["6", "", "The month the change starts from must include a year"],
    ["13", "2019", "The month the change starts from must be a real month"],
    ["June", "2019", "The month the change starts from must be a real month"],
    ["6", "19", "Year must include 4 numbers"],
    ["6", "1999", "The year must be from 2000 to 2100"],
  ])("refuses month %j year %j", (m, y, message) => {
    expect(errorsFor({ ...base, "fromMonth-month": m, "fromMonth-year": y })).toEqual({ fromMonth: message });
  });
});

describe("targetChangeInput", () => {
  it("parses a change from a month onwards", () => {
    expect(targetChangeInput.parse(base)).toEqual({
      code: "CP_PLANS",
      expectedUpdatedAt: new Date(base.expectedUpdatedAt),
      fromMonth: "2019-06",
      target: 90,
      tolerance: 5,
    });
  });
  it("accepts no target from a month only when chosen, and people's ways of writing numbers", () => {
    expect(targetChangeInput.parse({ ...base, target: "", tolerance: "", noTarget: "on" })).toMatchObject({
      target: null,
      tolerance: null,
    });
    expect(targetChangeInput.parse({ ...base, target: "1,250", tolerance: "2.5%" })).toMatchObject({ target: 1250, tolerance: 2.5 });
  });
  it("links each problem to its field", () => {
    expect(errorsFor({ ...base, "fromMonth-month": "13", target: "lots", tolerance: "-1" })).toEqual({
      fromMonth: "The month the change starts from must be a real month",
      target: 'The target "lots" is not a number',
      tolerance: "The tolerance must be 0 or more (got -1)",
    });
    expect(errorsFor({ ...base, "fromMonth-year": "", target: "", tolerance: "" })).toEqual({
      fromMonth: "The month the change starts from must include a year",
      target: "Enter the new target, or choose no target from this month",
    });
    expect(errorsFor({ ...base, noTarget: "on" })).toEqual({
      target: "Leave the target blank when you choose no target from this month",
      tolerance: "Leave the tolerance blank when you choose no target from this month",
    });
  });
});

describe("newComparatorInput", () => {
  const comparator = {
    code: "CP_PLANS",
    expectedUpdatedAt: base.expectedUpdatedAt,
    label: " England ",
    periodLabel: "2018-19",
    value: "43.7",
    source: "",
    notes: "",
  };
  it("parses a comparator, blank source and notes as none", () => {
    expect(newComparatorInput.parse(comparator)).toMatchObject({
      label: "England",
      periodLabel: "2018-19",
      value: 43.7,
      source: null,
      notes: null,
    });
  });
  it("requires who, when and the value", () => {
    const r = newComparatorInput.safeParse({ ...comparator, label: "", periodLabel: " ", value: "" });
    expect(r.success).toBe(false);
    expect(zodFieldErrors(r.error!)).toEqual({
      label: "Enter who the comparator describes, such as England",
      periodLabel: "Enter the period it describes, such as 2018-19",
      value: "Enter the value",
    });
  });
});
