import { describe, expect, it } from "vitest";
import { auditFilterQuery, nextDay, parseAuditFilters, parseDateParts, startOfUkDay } from "@/lib/audit/audit-filters";

describe("audit filters", () => {
  it("reads text filters, trimmed, and a page number that falls back to 1", () => {
    const { filters, errors } = parseAuditFilters({ who: "  dana ", action: "user.added", entity: "User", page: "3" });
    expect(filters).toEqual({ who: "dana", action: "user.added", entityType: "User", page: 3 });
    expect(errors).toEqual({});
    expect(parseAuditFilters({ page: "-4" }).filters.page).toBe(1);
    expect(parseAuditFilters({ page: "many" }).filters.page).toBe(1);
    expect(parseAuditFilters({ who: "" }).filters.who).toBeUndefined();
  });

  it("reads dates from the three boxes or from one ISO value", () => {
    expect(parseAuditFilters({ "from-day": "1", "from-month": "11", "from-year": "2026" }).filters.from).toBe("2026-11-01");
    expect(parseAuditFilters({ to: "2026-11-26" }).filters.to).toBe("2026-11-26");
  });

  it("reports a date that is not real, or incomplete, against the box to fix, and leaves it out", () => {
    const bad = parseAuditFilters({
      "from-day": "31",
      "from-month": "2",
      "from-year": "2026",
      "to-day": "3",
      "to-month": "",
      "to-year": "2026",
    });
    expect(bad.filters.from).toBeUndefined();
    expect(bad.errors).toEqual({ "from-day": "From date must be a real date", "to-month": "To date must include a month" });
    expect(parseAuditFilters({ from: "2026-02-30" }).errors).toEqual({ "from-day": "From date must be a real date" });
    expect(parseDateParts("From date", "1", "1", "26")).toEqual({ ok: false, message: "Year must include 4 numbers", part: "year" });
  });

  it("refuses a to date before the from date", () => {
    const r = parseAuditFilters({ from: "2026-11-20", to: "2026-11-01" });
    expect(r.errors).toEqual({ "to-day": "To date must be the same as or after the from date" });
    expect(r.filters.to).toBeUndefined();
  });

  it("writes the canonical query the page links and the export share", () => {
    expect(auditFilterQuery({ who: "a b", action: "user.added", entityType: "User", from: "2026-11-01", page: 2 })).toBe(
      "who=a+b&action=user.added&entity=User&from=2026-11-01&page=2",
    );
    expect(auditFilterQuery({ page: 1 })).toBe("");
  });

  it("starts UK days at midnight GMT in winter and BST in summer", () => {
    expect(startOfUkDay("2026-11-26").toISOString()).toBe("2026-11-26T00:00:00.000Z");
    expect(startOfUkDay("2026-07-02").toISOString()).toBe("2026-07-01T23:00:00.000Z");
    // The clocks go forward at 1am on 29 March 2026 and back at 2am on 25 October.
    expect(startOfUkDay("2026-03-29").toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(startOfUkDay("2026-03-30").toISOString()).toBe("2026-03-29T23:00:00.000Z");
    expect(startOfUkDay("2026-10-25").toISOString()).toBe("2026-10-24T23:00:00.000Z");
    expect(startOfUkDay("2026-10-26").toISOString()).toBe("2026-10-26T00:00:00.000Z");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
  });
});
