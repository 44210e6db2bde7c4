import { describe, expect, it } from "vitest";
import { parseIcs } from "./parse-ics";

const cal = (...body: string[]) =>
  ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Committee system//EN", ...body, "END:VCALENDAR"].join("\r\n");
const event = (start: string, extra: string[] = []) => [
  "BEGIN:VEVENT",
  "UID:x@example",
  `DTSTART${start}`,
  "SUMMARY:Children's Services Scrutiny Panel",
  ...extra,
  "END:VEVENT",
];

describe("panel dates from an .ics file", () => {
  it("reads each event's date: whole days, local times, TZID and UTC (as the date in England)", () => {
    const r = parseIcs(
      cal(
        ...event(";VALUE=DATE:20190926"),
        ...event(":20191024T180000"),
        ...event(";TZID=Europe/London:20191128T180000"),
        ...event(":20191218T233000Z"),
      ),
    );
    expect(r).toEqual({
      ok: true,
      events: [
        { date: "2019-09-26", summary: "Children's Services Scrutiny Panel", line: 4 },
        { date: "2019-10-24", summary: "Children's Services Scrutiny Panel", line: 9 },
        { date: "2019-11-28", summary: "Children's Services Scrutiny Panel", line: 14 },
        { date: "2019-12-18", summary: "Children's Services Scrutiny Panel", line: 19 },
      ],
    });
  });

  it("unfolds continued lines and skips cancelled meetings", () => {
    const r = parseIcs(
      [
        "BEGIN:VCALENDAR",
        "BEGIN:VEVENT",
        "DTSTART;VALUE=DATE:2019",
        " 0926",
        "SUMMARY:Scrutiny",
        "  panel",
        "END:VEVENT",
        ...event(":20191024", ["STATUS:CANCELLED"]),
        "END:VCALENDAR",
      ].join("\n"),
    );
    expect(r).toEqual({ ok: true, events: [{ date: "2019-09-26", summary: "Scrutiny panel", line: 2 }] });
  });

  it.each([
    ["not a calendar", "Date,Meeting\n26/09/2019,Panel", 1, "An iCalendar file starts with BEGIN:VCALENDAR: this is not one"],
    ["no events", cal(), 4, "The calendar holds no events: there are no panel dates in it"],
    [
      "only cancelled events",
      cal(...event(":20191024", ["STATUS:CANCELLED"])),
      10,
      "The calendar holds no events: there are no panel dates in it",
    ],
    ["a bad date", cal(...event(":20190231")), 6, 'DTSTART "20190231" is not a date like 20190926 or 20190926T180000'],
    [
      "an event with no date",
      cal("BEGIN:VEVENT", "SUMMARY:Panel", "END:VEVENT"),
      4,
      "This event (BEGIN:VEVENT) has no DTSTART, so it has no date",
    ],
    [
      "a line that is not a property",
      cal("BEGIN:VEVENT", "this is not right", "END:VEVENT"),
      5,
      '"this is not right" is not a property (NAME:value)',
    ],
    ["a mismatched END", cal("BEGIN:VEVENT", "DTSTART:20190926", "END:VTODO"), 6, "END:VTODO closes BEGIN:VEVENT (line 4)"],
    [
      "a file cut short",
      ["BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART:20190926"].join("\r\n"),
      2,
      "BEGIN:VEVENT on line 2 is never closed (the file ends first)",
    ],
    ["an empty file", "", 1, "The file is empty"],
  ])("refuses %s, with the line and the reason", (_, text, line, message) => {
    expect(parseIcs(text)).toEqual({ ok: false, line, message });
  });
});
