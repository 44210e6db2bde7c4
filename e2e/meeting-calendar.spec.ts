// The meeting calendar: an administrator enters next year's panel dates from an .ics file (a
// malformed one and an empty one refused first, with the line and the reason), the periods are
// created ahead; the committee system's links: /packs/latest and the .ics feed.
import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signInAs } from "./fixtures";
import { query } from "./db";

// Two meetings next year (the calendar plans up to 13 months ahead of today).
const year = new Date().getUTCFullYear() + 1;
const MEETINGS = [`${year}-02-18`, `${year}-03-18`];
const MONTHS = [`${year}-01`, `${year}-02`];
const ics = (body: string) => ({ name: "committee.ics", mimeType: "text/calendar", buffer: Buffer.from(body) });
const event = (date: string) =>
  `BEGIN:VEVENT\r\nUID:${date}@committee.example\r\nDTSTART;TZID=Europe/London:${date.replace(/-/g, "")}T180000\r\nSUMMARY:Children's Services Scrutiny Panel\r\nEND:VEVENT\r\n`;

test.afterAll(async () => {
  await query(`delete from "Period" where month = any($1) and status = 'OPEN'`, [MONTHS]);
});

test("an administrator enters the year's panel dates from an .ics file; the feed and /packs/latest link to the packs", async ({ page }) => {
  await signInAs(page, ACCOUNTS.admin);
  await page.goto("/periods");
  await page.getByRole("link", { name: "Enter a year of panel dates at once" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Panel dates for the year");
  await expectAccessible(page);

  const file = page.getByLabel("Or an iCalendar (.ics) file from the committee system");
  const summary = page.locator(".govuk-error-summary");
  await file.setInputFiles(ics("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:20270218\r\n"));
  await page.getByRole("button", { name: "Save panel dates" }).click();
  await expect(summary).toContainText("committee.ics, line 3: BEGIN:VEVENT on line 3 is never closed (the file ends first)");
  await expect(summary.getByRole("link")).toHaveAttribute("href", "#plan-file");
  await expectAccessible(page);
  await file.setInputFiles(ics("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"));
  await page.getByRole("button", { name: "Save panel dates" }).click();
  await expect(summary).toContainText("committee.ics, line 3: The calendar holds no events: there are no panel dates in it");
  expect(await query(`select 1 from "Period" where month = any($1)`, [MONTHS])).toHaveLength(0);

  await file.setInputFiles(ics(`BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${MEETINGS.map(event).join("")}END:VCALENDAR\r\n`));
  await page.getByRole("button", { name: "Save panel dates" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText(
    "Panel dates saved: 2 periods created, 0 moved to a new date, 0 unchanged",
  );
  const stored = await query<{ month: string; d: string }>(
    `select month, to_char("panelMeetingDate", 'YYYY-MM-DD') as d from "Period" where month = any($1) order by month`,
    [MONTHS],
  );
  expect(stored).toEqual([
    { month: MONTHS[0], d: MEETINGS[0] },
    { month: MONTHS[1], d: MEETINGS[1] },
  ]);

  // The committee system's links, as a panel member follows them.
  await page.context().clearCookies();
  await signInAs(page, ACCOUNTS.panel);
  const latest = await page.request.get("/packs/latest", { maxRedirects: 0 });
  expect(latest.status()).toBe(302);
  expect(latest.headers().location).toMatch(/\/packs\/2019-0[78]$/);
  const feed = await page.request.get("/packs/calendar.ics");
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const text = (await feed.text()).replace(/\r\n /g, "");
  expect(text).toContain(`DTSTART;VALUE=DATE:${MEETINGS[0].replace(/-/g, "")}`);
  expect(text).toMatch(/URL:http:\/\/localhost:\d+\/packs\/2019-07\r\n/);
});
