// A year of panel dates at once, on real PostgreSQL: periods created ahead (all or nothing), an
// open period's date moved, bad lines refused with their number and reason; and the feed of dates.
import { describe, expect, it } from "vitest";
import { stringMatching } from "@/test/matchers";
import { db } from "@/lib/db";
import { addMonths } from "@/lib/format/dates";
import { createTestUser, uniqueMonth } from "@/test/factories";
import { planMeetings } from "./plan-meetings";
import { parseDateList } from "./parse-date-list";
import { buildMeetingFeed, foldLine } from "./meeting-feed";

const meetingIn = (month: string, day = 24) => `${addMonths(month, 1)}-${String(day).padStart(2, "0")}`;

describe("panel dates typed one a line", () => {
  it("reads dates and month-and-date lines; a panel reports on the month before it", () => {
    expect(parseDateList("26/09/2019\n\n2019-10-24,\n2019-10 28/11/2019")).toEqual({
      ok: true,
      meetings: [
        { month: "2019-08", date: "2019-09-26", line: 1 },
        { month: "2019-09", date: "2019-10-24", line: 3 },
        { month: "2019-10", date: "2019-11-28", line: 4 },
      ],
    });
    expect(parseDateList("26/09/2019\n31/09/2019")).toEqual({
      ok: false,
      line: 2,
      message: stringMatching(/^"31\/09\/2019" is not a date/),
    });
    expect(parseDateList("  \n")).toEqual({ ok: false, line: 1, message: "Enter at least one panel date, one a line" });
  });
});

describe("planning the year's meetings", () => {
  const now = new Date("2026-12-01T12:00:00Z");

  it("creates the periods ahead, moves an open period's date, leaves a signed-off one, and audits each", async () => {
    const admin = (await createTestUser("ADMIN")).sessionUser;
    // Months ahead of "now" in the test: the calendar may plan up to 13 months on.
    const [a, b] = ["2027-02", "2027-03"];
    await db.period.deleteMany({ where: { month: { in: [a, b] } } });
    const open = await db.period.create({
      data: { month: a, panelMeetingDate: new Date(`${meetingIn(a, 10)}T00:00:00Z`), status: "OPEN" },
    });
    try {
      const r = await planMeetings(admin, { source: "list", text: `${meetingIn(a, 25)}\n${meetingIn(b, 22)}` }, now);
      expect(r).toEqual({ created: [b], moved: [a], unchanged: [] });
      expect((await db.period.findUniqueOrThrow({ where: { month: b } })).panelMeetingDate!.toISOString().slice(0, 10)).toBe(
        meetingIn(b, 22),
      );
      expect((await db.period.findUniqueOrThrow({ where: { id: open.id } })).panelMeetingDate!.toISOString().slice(0, 10)).toBe(
        meetingIn(a, 25),
      );
      const events = await db.auditEvent.findMany({
        where: { periodMonth: { in: [a, b] }, action: { in: ["period.planned", "period.meetingMoved"] } },
      });
      expect(events.map((e) => e.action).sort()).toEqual(["period.meetingMoved", "period.planned"]);
    } finally {
      await db.period.deleteMany({ where: { month: { in: [a, b] } } });
    }
  });

  it.each([
    [
      "a panel before the month it reports on ends",
      (m: string) => `${m} ${m}-20`,
      /^Line 1: the panel on .* is before .* ends, so it cannot report on it$/,
    ],
    [
      "two panels for one month",
      (m: string) => `${meetingIn(m, 3)}\n${meetingIn(m, 24)}`,
      /^Line 2: a second panel for .* \(the first is on .*, line 1\)$/,
    ],
    ["a line that is not a date", () => "26/09/2019\nnext Thursday", /^Line 2: "next Thursday" is not a date/],
  ])("refuses %s, and writes nothing", async (_, text, message) => {
    const admin = (await createTestUser("ADMIN")).sessionUser;
    const month = `20${10 + Math.floor(Math.random() * 9)}-0${1 + Math.floor(Math.random() * 9)}`;
    const before = await db.period.count();
    await expect(planMeetings(admin, { source: "list", text: text(month) }, now)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { dates: stringMatching(message) },
    });
    expect(await db.period.count()).toBe(before);
  });

  it("refuses a malformed .ics file with the file name, line and reason", async () => {
    const admin = (await createTestUser("ADMIN")).sessionUser;
    await expect(
      planMeetings(admin, { source: "ics", fileName: "panel.ics", text: "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n" }, now),
    ).rejects.toMatchObject({ fieldErrors: { file: "panel.ics, line 3: The calendar holds no events: there are no panel dates in it" } });
    await expect(
      planMeetings(
        admin,
        {
          source: "ics",
          fileName: "panel.ics",
          text: "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2019-09-26\r\nEND:VEVENT\r\nEND:VCALENDAR",
        },
        now,
      ),
    ).rejects.toMatchObject({
      fieldErrors: { file: 'panel.ics, line 3: DTSTART "2019-09-26" is not a date like 20190926 or 20190926T180000' },
    });
  });

  it("only administrators plan meetings", async () => {
    const lead = (await createTestUser("SERVICE_LEAD")).sessionUser;
    await expect(planMeetings(lead, { source: "list", text: "26/09/2019" }, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the .ics feed", () => {
  it("lists each period's panel date as a whole-day event, folded at 75 octets", async () => {
    const month = uniqueMonth();
    const p = await db.period.create({ data: { month, panelMeetingDate: new Date(`${meetingIn(month)}T00:00:00Z`), status: "OPEN" } });
    try {
      const feed = await buildMeetingFeed({ id: "x", name: "n", email: "e", role: "PANEL_MEMBER" }, "https://packs.example.gov.uk");
      expect(feed.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
      const unfolded = feed.replace(/\r\n /g, "");
      expect(unfolded).toContain(`UID:period-${p.id}@packs.example.gov.uk\r\n`);
      expect(unfolded).toContain(`DTSTART;VALUE=DATE:${meetingIn(month).replace(/-/g, "")}\r\n`);
      expect(unfolded).toContain("pack is not published yet.");
      for (const line of feed.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    } finally {
      await db.period.delete({ where: { id: p.id } });
    }
    expect(foldLine("x".repeat(80))).toBe(`${"x".repeat(75)}\r\n ${"x".repeat(5)}`);
  });

  it("needs a reader when packs are not public", async () => {
    await expect(buildMeetingFeed(null, "https://x.example")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
