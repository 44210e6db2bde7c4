import { describe, expect, it } from "vitest";
import { anyInstanceOf, stringMatching } from "@/test/matchers";
import { db } from "@/lib/db";
import { addMonths } from "@/lib/format/dates";
import { openPeriod } from "@/lib/periods/open-period";
import { parseDateInput } from "@/lib/periods/open-period-input";
import { createTestUser, uniqueMonth } from "@/test/factories";

// Test months are far in the future so they never meet the demo's; "now" is set after them.
const FAR_FUTURE = new Date(Date.UTC(9999, 0, 1));
const meetingAfter = (month: string) => `${addMonths(month, 1)}-15`;

describe("openPeriod", () => {
  it("opens a month for an administrator, with the panel date, who opened it and an audit event", async () => {
    const admin = (await createTestUser("ADMIN")).sessionUser;
    const month = uniqueMonth();
    const period = await openPeriod(admin, { month, panelMeetingDate: meetingAfter(month) }, FAR_FUTURE);
    const stored = await db.period.findUniqueOrThrow({ where: { month } });
    expect(stored).toMatchObject({ id: period.id, status: "OPEN", openedById: admin.id, commentaryFirstSubmittedAt: null });
    expect(stored.panelMeetingDate!.toISOString().slice(0, 10)).toBe(meetingAfter(month));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "period.opened", entityId: period.id } });
    expect(audit).toMatchObject({ actorId: admin.id, actorName: admin.name, periodMonth: month });
    expect(audit.after).toMatchObject({ month, panelMeetingDate: meetingAfter(month), status: "OPEN" });
  });

  it("accepts the current month and dates in the form's day, month and year boxes", async () => {
    const admin = (await createTestUser("ADMIN")).sessionUser;
    const month = uniqueMonth();
    const now = new Date(`${month}-20T12:00:00Z`);
    const [y, m] = addMonths(month, 1).split("-");
    const [my, mm] = month.split("-");
    await openPeriod(
      admin,
      {
        "month-month": String(Number(mm)),
        "month-year": my,
        "panelMeetingDate-day": "26",
        "panelMeetingDate-month": m,
        "panelMeetingDate-year": y,
      },
      now,
    );
    expect((await db.period.findUniqueOrThrow({ where: { month } })).panelMeetingDate!.toISOString().slice(0, 10)).toBe(`${y}-${m}-26`);
  });

  it("refuses everyone but administrators", async () => {
    const month = uniqueMonth();
    for (const role of ["SERVICE_LEAD", "DIRECTOR", "PANEL_MEMBER"] as const) {
      const user = (await createTestUser(role)).sessionUser;
      await expect(openPeriod(user, { month, panelMeetingDate: meetingAfter(month) }, FAR_FUTURE)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(openPeriod(null, { month, panelMeetingDate: meetingAfter(month) }, FAR_FUTURE)).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect(await db.period.count({ where: { month } })).toBe(0);
  });

  it("refuses a month in the future: on 26 November 2026, December 2026", async () => {
    const admin = (await createTestUser("ADMIN")).sessionUser;
    const now = new Date("2026-11-26T10:00:00Z");
    await expect(openPeriod(admin, { month: "2026-12", panelMeetingDate: "2027-01-28" }, now)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { month: "December 2026 has not started yet: the latest month you can open is November 2026" },
    });
    expect(await db.period.count({ where: { month: "2026-12" } })).toBe(0);
  });

  it("refuses a malformed month and a date that is not real, naming the field", async () => {
    const admin = (await createTestUser("ADMIN")).sessionUser;
    for (const month of ["", "2019-13", "2019-9", "Sept 2019", "201909"]) {
      await expect(openPeriod(admin, { month, panelMeetingDate: "2019-10-24" }, FAR_FUTURE)).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { month: anyInstanceOf(String) },
      });
    }
    const month = uniqueMonth();
    const [y, m] = addMonths(month, 1).split("-");
    for (const date of ["", `${y}-${m}-32`, `${Number(y) + 1}-02-30`, "tomorrow", `31/${m}/${y}`]) {
      await expect(openPeriod(admin, { month, panelMeetingDate: date }, FAR_FUTURE)).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { panelMeetingDate: stringMatching(/panel meeting date/i) },
      });
    }
    await expect(openPeriod(admin, { month: "1999-12", panelMeetingDate: "2000-01-27" }, FAR_FUTURE)).rejects.toMatchObject({
      fieldErrors: { month: "Month must be January 2000 or later" },
    });
  });

  it("wants the panel to meet after the month ends and within a year", async () => {
    const admin = (await createTestUser("ADMIN")).sessionUser;
    const month = uniqueMonth();
    await expect(openPeriod(admin, { month, panelMeetingDate: `${month}-28` }, FAR_FUTURE)).rejects.toMatchObject({
      fieldErrors: { panelMeetingDate: stringMatching(/after .* ends/) },
    });
    await expect(openPeriod(admin, { month, panelMeetingDate: `${addMonths(month, 14)}-01` }, FAR_FUTURE)).rejects.toMatchObject({
      fieldErrors: { panelMeetingDate: stringMatching(/within 12 months/) },
    });
    await openPeriod(admin, { month, panelMeetingDate: `${addMonths(month, 1)}-01` }, FAR_FUTURE);
  });

  it("refuses a month already opened, also when two administrators open it at once", async () => {
    const admin = (await createTestUser("ADMIN")).sessionUser;
    const other = (await createTestUser("ADMIN")).sessionUser;
    const month = uniqueMonth();
    await openPeriod(admin, { month, panelMeetingDate: meetingAfter(month) }, FAR_FUTURE);
    await expect(openPeriod(other, { month, panelMeetingDate: meetingAfter(month) }, FAR_FUTURE)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { month: stringMatching(/has already been opened$/) },
    });

    const raced = uniqueMonth();
    const results = await Promise.allSettled(
      [admin, other, admin].map((u) => openPeriod(u, { month: raced, panelMeetingDate: meetingAfter(raced) }, FAR_FUTURE)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect(r.reason).toMatchObject({
        code: "VALIDATION",
        fieldErrors: { month: stringMatching(/has already been opened/) },
      });
    }
    expect(await db.period.count({ where: { month: raced } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "period.opened", periodMonth: raced } })).toBe(1);
  });
});

describe("parseDateInput", () => {
  it("reads ISO and British dates and refuses impossible ones", () => {
    expect(parseDateInput("2019-09-26")).toBe("2019-09-26");
    expect(parseDateInput(" 26/9/2019 ")).toBe("2019-09-26");
    expect(parseDateInput("26.09.2019")).toBe("2019-09-26");
    expect(parseDateInput("2020-02-29")).toBe("2020-02-29");
    expect(parseDateInput("2019-02-29")).toBeNull();
    expect(parseDateInput("31/4/2019")).toBeNull();
    expect(parseDateInput("9/26/2019")).toBeNull();
    expect(parseDateInput("")).toBeNull();
  });
});
