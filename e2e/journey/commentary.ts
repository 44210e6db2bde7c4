import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, expectAccessible, expectResultFocused, signInAs } from "../fixtures";
import { one, query } from "../db";

const MONTH = "2019-08";
const SECTIONS = [
  { slug: "demand", name: "Demand", lead: ACCOUNTS.leadDemand },
  { slug: "child-protection", name: "Timescales / Child protection", lead: ACCOUNTS.leadProtection },
  { slug: "corporate-parenting", name: "Corporate parenting / Children looked after", lead: ACCOUNTS.leadCare },
  { slug: "care-leavers", name: "Care leavers", lead: ACCOUNTS.leadCare },
];

const commentaryRow = (slug: string, month = MONTH) =>
  one<{ status: string; body: string; version: number }>(
    `select c.status, c.body, c.version from "Commentary" c join "Section" s on s.id = c."sectionId" join "Period" p on p.id = c."periodId" where s.slug = $1 and p.month = $2`,
    [slug, month],
  );

async function as(page: Page, email: string) {
  await page.context().clearCookies();
  await signInAs(page, email);
}

test.describe.serial("commentary journey for August 2019", () => {
  test("the demand lead drafts, inserts the figures summary, and submits", async ({ page }) => {
    await as(page, ACCOUNTS.leadDemand);
    await page.goto("/");
    await page.getByRole("link", { name: "Demand" }).first().click();
    await expect(page).toHaveURL(`/periods/${MONTH}/sections/demand`);
    await expect(page.getByRole("heading", { level: 1, name: "Demand" })).toBeVisible();
    await expect(page.locator(".govuk-summary-list").getByText("Not started")).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Insert figures summary" }).click();
    await expect(page.getByLabel("Commentary")).toHaveValue(/Contacts received fell from 1,861 to 1,337 \(28%\)/);
    await page.getByRole("button", { name: "Save draft" }).click();
    await expectResultFocused(page, "Draft saved");
    expect((await commentaryRow("demand")).status).toBe("DRAFT");

    await page.getByLabel("Commentary").fill("**Contacts** fell in August, as they do every summer.\n\n<script>window.hacked=1</script>");
    await expect(page.locator(".app-preview b")).toHaveText("Contacts");
    await expect(page.locator(".app-preview")).toContainText("<script>window.hacked=1</script>");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expectResultFocused(page, "Commentary submitted for review");
    const row = await commentaryRow("demand");
    expect(row.status).toBe("SUBMITTED");
    expect(row.body).toContain("<script>window.hacked=1</script>");
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  });

  test("the director must give a comment to return it, then returns it", async ({ page }) => {
    await as(page, ACCOUNTS.director);
    await page.goto("/");
    await expect(page.getByText("items waiting for you").or(page.getByText("item waiting for you"))).toBeVisible();
    await page.getByRole("link", { name: `Demand, August 2019` }).click();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Return for changes" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Say what needs to change");
    await expect(page.locator(".govuk-error-summary")).toBeFocused();
    await expect(page).toHaveTitle(/^Error: Demand: commentary, August 2019 - /);
    await page.getByLabel("Comment for the service lead").fill("Please explain the Early Help pathway.");
    await page.getByRole("button", { name: "Return for changes" }).click();
    await expectResultFocused(page, "Commentary returned to the service lead");
    await expect(page).toHaveTitle(/^Demand: commentary, August 2019 - /);
    expect((await commentaryRow("demand")).status).toBe("RETURNED");
    const comment = await one<{ body: string }>(
      `select r.body from "ReviewComment" r join "Commentary" c on c.id = r."commentaryId" join "Section" s on s.id = c."sectionId" where s.slug = 'demand' and r.action = 'RETURN'`,
    );
    expect(comment.body).toBe("Please explain the Early Help pathway.");
  });

  test("the lead sees the comment, edits and resubmits; the director approves", async ({ page }) => {
    await as(page, ACCOUNTS.leadDemand);
    await page.goto(`/periods/${MONTH}/sections/demand`);
    await expect(page.getByText("Please explain the Early Help pathway.")).toBeVisible();
    await expect(page.locator(".govuk-summary-list").getByText("Returned")).toBeVisible();
    await page
      .getByLabel("Commentary")
      .fill("**Contacts** fell in August, as every summer. We are routing cases to the Early Help pathway.");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expectResultFocused(page, "Commentary submitted for review");

    await as(page, ACCOUNTS.director);
    await page.goto(`/periods/${MONTH}/sections/demand`);
    await page.getByRole("button", { name: "Approve" }).click();
    await expectResultFocused(page, "Commentary approved");
    const row = await commentaryRow("demand");
    expect(row.status).toBe("APPROVED");
    expect(row.body).toContain("Early Help pathway");

    await page.goto(`/periods/${MONTH}/sections/demand/history`);
    await expect(page.getByRole("heading", { name: /Revision 3/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: /Returned for changes: Sam Bullingham/ })).toBeVisible();
    await expect(page.locator("ins").first()).toBeVisible();
    await expectAccessible(page);
  });

  test("the other sections are drafted, submitted and approved", async ({ page }) => {
    for (const s of SECTIONS.slice(1)) {
      await as(page, s.lead);
      await page.goto(`/periods/${MONTH}/sections/${s.slug}`);
      await page.getByLabel("Commentary").fill(`Commentary for ${s.name}: performance held steady in August.`);
      await page.getByRole("button", { name: "Submit for review" }).click();
      await expectResultFocused(page, "Commentary submitted for review");
    }
    await as(page, ACCOUNTS.director);
    for (const s of SECTIONS.slice(1)) {
      await page.goto(`/periods/${MONTH}/sections/${s.slug}`);
      await page.getByRole("button", { name: "Approve" }).click();
      await expectResultFocused(page, "Commentary approved");
    }
    const rows = await query<{ status: string }>(
      `select c.status from "Commentary" c join "Period" p on p.id = c."periodId" where p.month = $1`,
      [MONTH],
    );
    expect(rows.map((r) => r.status)).toEqual(["APPROVED", "APPROVED", "APPROVED", "APPROVED"]);

    await page.goto("/");
    await expect(page.getByRole("link", { name: /August 2019: every section approved/ })).toBeVisible();
    await page.goto(`/periods/${MONTH}`);
    for (const s of SECTIONS) {
      await expect(page.locator(".govuk-task-list__item", { hasText: s.name }).getByText("Approved")).toBeVisible();
    }
    await expectAccessible(page);
  });

  test("refusals: another lead's section is read-only, a panel member gets 403", async ({ page }) => {
    await as(page, ACCOUNTS.leadDemand);
    await page.goto(`/periods/2019-07/sections/care-leavers`);
    await expect(page.getByRole("heading", { level: 1, name: "Care leavers" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Save draft" })).toHaveCount(0);
    await as(page, ACCOUNTS.panel);
    expect((await page.goto(`/periods/${MONTH}/sections/demand`))?.status()).toBe(403);
  });
});

test("a lead drafts and submits with the keyboard alone", async ({ page }) => {
  const month = "2017-11";
  await query(
    `insert into "Period" (id, month, "panelMeetingDate", status, "updatedAt") values (gen_random_uuid(), $1, '2017-12-21', 'OPEN', now()) on conflict do nothing`,
    [month],
  );
  await signInAs(page, ACCOUNTS.leadCare);
  await page.goto("/");
  const link = page.getByRole("region", { name: "November 2017" }).getByRole("link", { name: "Care leavers" });
  // Tab from the top of the page until the link to the section has focus, then follow it.
  await page.keyboard.press("Tab");
  for (let i = 0; i < 80 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(link).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/periods/${month}/sections/care-leavers`);
  const textarea = page.getByLabel("Commentary");
  for (let i = 0; i < 40 && !(await textarea.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(textarea).toBeFocused();
  await page.keyboard.type("Care leavers in touch stayed high.");
  // GOV.UK character count: the limit is the box's description, the visible count follows each key,
  // and the live region catches up once typing pauses (so it is announced once, not at every key).
  await expect(textarea).toHaveAccessibleDescription(/You can enter up to 20,000 characters/);
  const box = page.locator(".govuk-character-count").filter({ has: textarea });
  await expect(box.locator(".govuk-character-count__status")).toHaveText("You have 19,966 characters remaining");
  await expect(box.locator(".govuk-character-count__status")).toHaveAttribute("aria-hidden", "true");
  await expect(box.locator(".govuk-character-count__sr-status[aria-live=polite]")).toHaveText("You have 19,966 characters remaining");
  const submit = page.getByRole("button", { name: "Submit for review" });
  for (let i = 0; i < 10 && !(await submit.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(submit).toBeFocused();
  await page.keyboard.press("Enter");
  await expectResultFocused(page, "Commentary submitted for review");
  expect((await commentaryRow("care-leavers", month)).status).toBe("SUBMITTED");
});
