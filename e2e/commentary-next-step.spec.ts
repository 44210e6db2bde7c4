// Each role's next step on the section page (issue 26), by keyboard and checked by axe, in a month of
// its own (August 2016) where one child protection indicator is an exception with no action and
// another has an action though it is off the list (resolved). The lead inserts the figures summary
// (announced), is warned of the exception without an action and submits anyway, reads what happens
// next and withdraws; the director returns it; the lead resubmits; the director sees the return
// comment and the changes since, and approves.
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, expectAccessible, expectResultFocused, signInAs } from "./fixtures";
import { one, query } from "./db";

const MONTH = "2016-08";
const SECTION = `/periods/${MONTH}/sections/child-protection`;
const EXCEPTION = "ASSESS_45WD_PCT";
const RESOLVED_ACTION = `Audit the backlog (${Date.now().toString(36)})`;
const SHOTS = process.env.WORKFLOW_SCREENSHOTS; // a directory: pictures at 1280 and 320 px to look at

async function as(page: Page, email: string) {
  await page.context().clearCookies();
  await signInAs(page, email);
}

/** Moves focus to the control and presses Enter or Space on it, as a keyboard user does. */
async function press(page: Page, name: string | RegExp, key = "Enter") {
  const button = page.getByRole("button", { name });
  await button.focus();
  await expect(button).toBeFocused();
  await page.keyboard.press(key);
}

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const stored = () =>
  one<{ status: string; body: string }>(
    `select c.status, c.body from "Commentary" c join "Section" s on s.id = c."sectionId" join "Period" p on p.id = c."periodId" where s.slug = 'child-protection' and p.month = $1`,
    [MONTH],
  );

test.setTimeout(240_000); // a section page checked by axe several times on a busy machine

test.beforeAll(async () => {
  // August 2016 open, with July 2016 and August 2015 as history months: the exception is worse
  // than both (so on the list whatever the targets), the other indicator has no figure at all.
  for (const [month, meeting, status] of [
    [MONTH, "2016-09-22", "OPEN"],
    ["2016-07", null, "HISTORY"],
    ["2015-08", null, "HISTORY"],
  ])
    await query(
      `insert into "Period" (id, month, "panelMeetingDate", status, "updatedAt") values (gen_random_uuid(), $1, $2, $3::"PeriodStatus", now()) on conflict (month) do nothing`,
      [month, meeting, status],
    );
  const ind = await one<{ id: string; polarity: string }>(`select id, polarity from "Indicator" where code = $1`, [EXCEPTION]);
  const [better, worse] = ind.polarity === "LOWER_IS_BETTER" ? [20, 60] : [60, 20];
  for (const [month, value] of [
    ["2015-08", better],
    ["2016-07", better],
    [MONTH, worse],
  ] as const)
    await query(
      `insert into "IndicatorValue" (id, "indicatorId", "periodId", value, source, "updatedByName")
       select gen_random_uuid(), $1, p.id, $2, 'ENTRY', 'e2e' from "Period" p where p.month = $3
       on conflict ("indicatorId", "periodId") do update set value = excluded.value`,
      [ind.id, value, month],
    );
  const other = await one<{ id: string }>(
    `select i.id from "Indicator" i join "Section" s on s.id = i."sectionId" where s.slug = 'child-protection' and i.active and i.code <> $1 order by i."order" limit 1`,
    [EXCEPTION],
  );
  await query(
    `insert into "ExceptionAction" (id, "indicatorId", "fromMonth", description, "ownerName", "dueDate", status, "createdByName", "updatedByName", "updatedAt")
     values (gen_random_uuid(), $1, $2, $3, 'Head of Safeguarding', '2016-08-31', 'OPEN', 'e2e', 'e2e', now())`,
    [other.id, MONTH, RESOLVED_ACTION],
  );
});

// Its months go again, figures, commentary and actions with them: left behind, July and August 2016's
// figures broke history-import.spec.ts, which expects every month before April 2018 to have none.
test.afterAll(async () => {
  await query(`delete from "ExceptionAction" where "fromMonth" = $1`, [MONTH]);
  await query(`delete from "Period" where month = any($1::text[])`, [[MONTH, "2016-07", "2015-08"]]);
});

test.describe.serial("each role's next step on a section", () => {
  test("the lead inserts the figures summary (announced), is warned of an exception without an action, submits anyway, reads what happens next and withdraws", async ({
    page,
  }) => {
    await as(page, ACCOUNTS.leadProtection);
    await page.goto(SECTION);
    const panel = page.getByRole("region", { name: "Actions on exceptions" });
    const exceptionName = (await panel.locator(`[data-code=${EXCEPTION}] h3`).textContent())!;

    // A resolved exception's open action offers neither "Mark as done" nor "Drop".
    const resolvedRow = panel.getByRole("row", { name: new RegExp(RESOLVED_ACTION.replace(/[()]/g, "\\$&")) });
    await expect(resolvedRow).toContainText("Open");
    await expect(resolvedRow.getByRole("button", { name: /Mark as done/ })).toHaveCount(0);
    await expect(resolvedRow.getByText(/Drop this action/)).toHaveCount(0);
    await expect(resolvedRow).not.toContainText("Overdue"); // resolved: never overdue, though past its date

    await press(page, "Insert figures summary");
    await expect(page.locator("#figures-summary-status")).toHaveText("Figures summary added to the commentary");
    await expect(page.locator("#figures-summary-status")).toHaveAttribute("aria-live", "polite");
    await expect(page.getByLabel("Commentary text")).toBeFocused();
    await expect(page.getByLabel("Commentary text")).not.toHaveValue("");

    const warning = page.locator("#missing-actions");
    await expect(warning).toContainText("This exception has no open action:");
    await expect(warning.getByRole("link", { name: exceptionName })).toHaveAttribute("href", `#exception-${EXCEPTION}`);
    await expect(warning).toContainText("You can still submit");
    await expectAccessible(page);
    await shoot(page, "section-submit-warning");

    await press(page, "Submit for review");
    await expectResultFocused(page, "Commentary submitted for review");
    expect((await stored()).status).toBe("SUBMITTED");
    const next = page.getByRole("region", { name: "What happens next" });
    await expect(next).toContainText("The director will review your commentary and either approve it or return it to you with a comment");
    await expect(next).toContainText(/They aim to finish reviewing by \d{1,2} September 2016\./);
    await expectAccessible(page);
    await shoot(page, "section-submitted");

    await press(page, "Withdraw submission");
    await expectResultFocused(page, "Submission withdrawn: the commentary is a draft again");
    expect((await stored()).status).toBe("DRAFT");
    const events = await query(
      `select 1 from "AuditEvent" where action = 'commentary.withdraw' and "periodMonth" = $1 and before->>'status' = 'SUBMITTED'`,
      [MONTH],
    );
    expect(events).toHaveLength(1);
    await expect(page.getByRole("region", { name: "What happens next" })).toHaveCount(0);

    await page.getByLabel("Commentary text").fill("Assessments slowed in August while two posts were vacant.");
    await press(page, "Submit for review");
    await expectResultFocused(page, "Commentary submitted for review");
    await page.goto(`${SECTION}/history`);
    await expect(page.getByRole("heading", { name: /^Submission withdrawn: / })).toBeVisible();
  });

  test("the director returns it; the lead resubmits; the director sees the return comment and the changes, and approves", async ({
    page,
  }) => {
    await as(page, ACCOUNTS.director);
    await page.goto(SECTION);
    // A first submission has no earlier return to compare with.
    await expect(page.getByRole("region", { name: /Resubmitted after/ })).toHaveCount(0);
    await page.getByLabel("Comment for the service lead").fill("Say when the posts will be filled.");
    await press(page, "Return for changes");
    await expectResultFocused(page, "Commentary returned to the service lead");

    await as(page, ACCOUNTS.leadProtection);
    await page.goto(SECTION);
    await expect(page.getByText("Say when the posts will be filled.")).toBeVisible();
    await page
      .getByLabel("Commentary text")
      .fill("Assessments slowed in August while three posts were vacant; all are filled from October.");
    await press(page, "Submit for review");
    await expectResultFocused(page, "Commentary submitted for review");

    await as(page, ACCOUNTS.director);
    await page.goto(SECTION);
    const since = page.getByRole("region", { name: "Resubmitted after it was returned" });
    await expect(since.getByRole("heading", { name: /^Returned for changes by Sam Bullingham, / })).toBeVisible();
    await expect(since).toContainText("Say when the posts will be filled.");
    // Insertions and deletions in words for a screen reader, not colour alone.
    await expect(since.locator("ins").filter({ hasText: "three" })).toContainText("[added: three");
    await expect(since.locator("del").filter({ hasText: "two" })).toContainText("[removed: two");
    await expect(since.locator("ins .govuk-visually-hidden").first()).toHaveText("[added: ");
    await expectAccessible(page);
    await shoot(page, "section-resubmission");

    await press(page, "Approve");
    await expectResultFocused(page, "Commentary approved");
    expect((await stored()).status).toBe("APPROVED");
  });
});
