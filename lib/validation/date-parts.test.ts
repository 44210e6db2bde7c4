import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dateToParts, datePartsField, datePartsInError, parseDateParts, withDateParts } from "@/lib/validation/date-parts";

describe("parseDateParts", () => {
  it("reads a real date and a month", () => {
    expect(parseDateParts({ day: "31", month: "10", year: "2019" }, "date", "Due date")).toEqual({ ok: true, value: "2019-10-31" });
    expect(parseDateParts({ day: " 1", month: "2 ", year: "2020" }, "date", "Due date")).toEqual({ ok: true, value: "2020-02-01" });
    expect(parseDateParts({ day: "29", month: "02", year: "2020" }, "date", "Due date")).toEqual({ ok: true, value: "2020-02-29" });
    expect(parseDateParts({ month: "6", year: "2019" }, "month", "Month")).toEqual({ ok: true, value: "2019-06" });
  });

  it("asks for the date when every box is empty", () => {
    expect(parseDateParts({}, "date", "Due date")).toEqual({ ok: false, message: "Enter the due date", parts: ["day", "month", "year"] });
  });

  it("names the missing boxes and marks only them", () => {
    expect(parseDateParts({ day: "31", year: "2019" }, "date", "Date")).toEqual({
      ok: false,
      message: "Date must include a month",
      parts: ["month"],
    });
    expect(parseDateParts({ year: "2019" }, "date", "Date")).toEqual({
      ok: false,
      message: "Date must include a day and month",
      parts: ["day", "month"],
    });
    expect(parseDateParts({ month: "6" }, "month", "Month")).toEqual({ ok: false, message: "Month must include a year", parts: ["year"] });
  });

  it("says a date that does not exist is not a real date, marking the box that makes it so", () => {
    expect(parseDateParts({ day: "30", month: "2", year: "2019" }, "date", "Date")).toEqual({
      ok: false,
      message: "Date must be a real date",
      parts: ["day"],
    });
    expect(parseDateParts({ day: "29", month: "2", year: "2019" }, "date", "Date")).toMatchObject({ ok: false, parts: ["day"] });
    expect(parseDateParts({ day: "1", month: "13", year: "2019" }, "date", "Date")).toMatchObject({ ok: false, parts: ["month"] });
    expect(parseDateParts({ day: "x", month: "Oct", year: "2019" }, "date", "Date")).toMatchObject({ ok: false, parts: ["day", "month"] });
    expect(parseDateParts({ month: "0", year: "2019" }, "month", "Month")).toEqual({
      ok: false,
      message: "Month must be a real month",
      parts: ["month"],
    });
    expect(parseDateParts({ day: "1", month: "1", year: "19" }, "date", "Date")).toEqual({
      ok: false,
      message: "Year must include 4 numbers",
      parts: ["year"],
    });
  });

  it("marks every box for a readable date the server refused for another reason", () => {
    expect(datePartsInError({ day: "1", month: "1", year: "2019" }, "date")).toEqual(["day", "month", "year"]);
    expect(datePartsInError({ day: "1", year: "2019" }, "date")).toEqual(["month"]);
  });

  it("fills the boxes from a stored date", () => {
    expect(dateToParts("2019-09-06")).toEqual({ day: "6", month: "9", year: "2019" });
    expect(dateToParts("2019-09")).toEqual({ month: "9", year: "2019" });
    expect(dateToParts(null)).toEqual({});
  });
});

describe("datePartsField", () => {
  const schema = z.preprocess(withDateParts(["due"]), z.object({ due: datePartsField("date", "Due date") }));

  it("reads the form's boxes, or one YYYY-MM-DD field", () => {
    expect(schema.parse({ "due-day": "31", "due-month": "10", "due-year": "2019" })).toEqual({ due: "2019-10-31" });
    expect(schema.parse({ due: "2019-10-31" })).toEqual({ due: "2019-10-31" });
  });

  it("puts GOV.UK's message on the field", () => {
    const r = schema.safeParse({ "due-day": "31", "due-month": "", "due-year": "2019" });
    expect(r.success ? null : r.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["due", "Due date must include a month"]]);
    const typed = schema.safeParse({ due: "31/10/2019" });
    expect(typed.success ? null : typed.error.issues[0].message).toBe("Due date must be a real date");
  });
});
