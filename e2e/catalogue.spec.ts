// The administrator's catalogue and sections: sorting and filtering the indicator table, adding an
// indicator with a comparator, changing a target from a month onwards, a conflicting edit, sections'
// order and owners, a keyboard-only journey, and refusal for a service lead.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signInAs } from "./fixtures";
import { one, query } from "./db";

const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`.toUpperCase();
const code = (name: string) => `E2E_CAT_${name}_${RUN}`;
const sectionName = (name: string) => `E2E section ${name} ${RUN}`;

// Other specs rely on the demo catalogue: take out what this file added and put the demo sections
// back in their order.
test.afterAll(async () => {
  await query(`delete from "Indicator" where code like $1`, [`E2E_CAT_%_${RUN}`]);
  await query(`delete from "Section" where name like $1`, [`E2E section % ${RUN}`]);
  for (const [i, slug] of ["demand", "child-protection", "corporate-parenting", "care-leavers"].entries()) {
    await query(`update "Section" set "order" = $1 where slug = $2`, [i + 1, slug]);
  }
});

/** Presses Tab until the element has focus: proves it can be reached by keyboard. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("Could not reach the element with the Tab key");
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const moveUpName = (name: string) => new RegExp(`^Move\\s+${escape(name)}\\s+up$`);

const codesShown = (page: Page) => page.locator(".app-catalogue-table tbody th[scope=row]").allInnerTexts();

async function insertIndicator(name: string, opts: { unit?: string; polarity?: string; measureType?: string; decimals?: number } = {}) {
  const section = await one<{ id: string }>(`select id from "Section" where slug = 'child-protection'`);
  const row = await one<{ id: string }>(
    `insert into "Indicator" (id, code, name, "sectionId", definition, unit, polarity, "measureType", decimals, "order", "updatedAt")
     values (gen_random_uuid(), $1, $2, $3, 'A test indicator.', $4, $5, $6, $7, 900, now()) returning id`,
    [
      code(name),
      `Test ${name} ${RUN}`,
      section.id,
      opts.unit ?? "PERCENT",
      opts.polarity ?? "HIGHER_IS_BETTER",
      opts.measureType ?? "IN_MONTH_PERCENT",
      opts.decimals ?? 1,
    ],
  );
  return { id: row.id, code: code(name), name: `Test ${name} ${RUN}` };
}

/** The first month a target change may start from: after the last signed-off or published pack. */
async function firstOpenMonth(): Promise<{ first: string; lastFrozen: string | null }> {
  const { month } = await one<{ month: string | null }>(
    `select max(month) as month from "Period" where status in ('SIGNED_OFF', 'PUBLISHED')`,
  );
  if (!month) return { first: "2019-04", lastFrozen: null };
  const [y, m] = month.split("-").map(Number);
  return { first: m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`, lastFrozen: month };
}

test.describe("indicator catalogue", () => {
  test("an administrator sorts and filters the table", async ({ page }) => {
    await signInAs(page, ACCOUNTS.admin);
    await page.goto("/admin");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Indicators", exact: true }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Indicators" })).toBeVisible();
    const total = Number((await one<{ n: string }>(`select count(*) as n from "Indicator"`)).n);
    await expect(page.getByRole("status").filter({ hasText: "Showing" })).toContainText(`Showing ${total} of ${total} indicators`);
    await expectAccessible(page);

    // Pack order to start with, grouped under section headings.
    await expect(page.locator(".app-group-row th").first()).toHaveText("Demand");
    const codeHeader = page.getByRole("columnheader", { name: /^Code/ });
    await expect(codeHeader).toHaveAttribute("aria-sort", "none");

    await codeHeader.getByRole("button").click();
    await expect(codeHeader).toHaveAttribute("aria-sort", "ascending");
    const ascending = await codesShown(page);
    const collator = new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" });
    expect(ascending).toEqual([...ascending].sort(collator.compare));
    await codeHeader.getByRole("button").click();
    await expect(codeHeader).toHaveAttribute("aria-sort", "descending");
    expect((await codesShown(page))[0]).toBe(ascending.at(-1));

    const targetHeader = page.getByRole("columnheader", { name: /^Target now/ });
    await targetHeader.getByRole("button").click();
    await expect(codeHeader).toHaveAttribute("aria-sort", "none");
    await expect(targetHeader).toHaveAttribute("aria-sort", /ascending|descending/);

    await page.getByLabel("Search by code or name").fill("visits");
    await expect(page.getByRole("status").filter({ hasText: "Showing" })).toContainText(`Showing 2 of ${total} indicators`);
    expect((await codesShown(page)).sort()).toEqual(["CLA_VISITS_TIMELY_PCT", "CP_VISITS_TIMELY_PCT"]);
    await expect(page).toHaveURL(/\?q=visits/);

    await page.getByLabel("Search by code or name").fill("");
    await page.getByLabel("Section", { exact: true }).selectOption({ label: "Care leavers" });
    const careLeavers = await query<{ code: string }>(
      `select i.code from "Indicator" i join "Section" s on s.id = i."sectionId" where s.slug = 'care-leavers'`,
    );
    expect((await codesShown(page)).sort()).toEqual(careLeavers.map((r) => r.code).sort());

    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Inactive only" });
    const inactiveCareLeavers = await query(
      `select 1 from "Indicator" i join "Section" s on s.id = i."sectionId" where s.slug = 'care-leavers' and not i.active`,
    );
    expect(await codesShown(page)).toHaveLength(inactiveCareLeavers.length);
    await expectAccessible(page);

    // The filtered view survives a reload (it lives in the address).
    await page.reload();
    await expect(page.getByLabel("Status", { exact: true })).toHaveValue("inactive");
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Showing" })).toContainText(`Showing ${total} of ${total} indicators`);
  });

  test("an administrator adds an indicator, then a comparator, and changes and removes it", async ({ page }) => {
    const newCode = code("ADDED");
    await signInAs(page, ACCOUNTS.admin);
    await page.goto("/admin/indicators");
    await page.getByRole("button", { name: "Add an indicator" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Add an indicator" })).toBeVisible();

    await page.getByRole("button", { name: "Add indicator" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Enter a code");
    await expect(summary).toContainText("Select the unit");
    await expectAccessible(page);

    await page.getByLabel("Code", { exact: true }).fill("CP_PLANS");
    await page.getByLabel("Name", { exact: true }).fill(`Added ${RUN}`);
    await page.getByLabel("Section", { exact: true }).selectOption({ label: "Timescales / Child protection" });
    await page
      .getByLabel("Definition", { exact: true })
      .fill("Children whose child protection plan was reviewed within timescale in the month.");
    await page.getByLabel("Percentage", { exact: true }).check();
    await page.getByLabel("Higher is better", { exact: true }).check();
    await page.getByLabel("In-month percentage", { exact: true }).check();
    await page.getByLabel("Decimal places", { exact: true }).fill("1");
    await page.getByRole("button", { name: "Add indicator" }).click();
    await expect(summary).toContainText("There is already an indicator with the code CP_PLANS");
    await expect(page.locator("#code-error")).toContainText("There is already an indicator with the code CP_PLANS");
    // What was typed is still there.
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue(`Added ${RUN}`);
    await expect(page.getByLabel("Percentage", { exact: true })).toBeChecked();

    await page.getByLabel("Code", { exact: true }).fill(newCode);
    await page.getByRole("button", { name: "Add indicator" }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/indicators/${newCode}\\?done=added`));
    await expect(page.locator(".govuk-notification-banner")).toContainText("Indicator added");
    await expect(page.getByRole("heading", { level: 1, name: `Added ${RUN}` })).toBeVisible();
    await expectAccessible(page);
    const stored = await one<{ id: string; unit: string; decimals: number; active: boolean }>(
      `select id, unit, decimals, active from "Indicator" where code = $1`,
      [newCode],
    );
    expect(stored).toMatchObject({ unit: "PERCENT", decimals: 1, active: true });
    expect(await query(`select 1 from "AuditEvent" where action = 'indicator.created' and "entityId" = $1`, [stored.id])).toHaveLength(1);

    await page.getByRole("button", { name: "Add a comparator" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Add a comparator" })).toBeVisible();
    await page.getByRole("button", { name: "Add comparator" }).click();
    await expect(summary).toContainText("Enter the value");
    await expectAccessible(page);
    await page.getByLabel("Comparator", { exact: true }).fill("England");
    await page.getByLabel("Period", { exact: true }).fill("2018-19");
    await page.getByLabel("Value", { exact: true }).fill("77.5");
    await page.getByLabel("Source (optional)").fill("DfE Characteristics of children in need 2018 to 2019");
    await page.getByRole("button", { name: "Add comparator" }).click();
    await expect(page.locator(".govuk-notification-banner")).toContainText("Comparator added");
    const comparators = page.getByRole("table", { name: /Comparators for/ });
    await expect(comparators.getByRole("row", { name: /England 2018-19 77.5%/ })).toBeVisible();
    const comparator = await one<{ id: string; value: number }>(
      `select id, value from "Comparator" where "indicatorId" = $1 and label = 'England'`,
      [stored.id],
    );
    expect(comparator.value).toBe(77.5);

    await comparators.getByRole("link", { name: "Change England 2018-19" }).click();
    await expectAccessible(page);
    await page.getByLabel("Value", { exact: true }).fill("78.1");
    await page.getByRole("button", { name: "Save comparator" }).click();
    await expect(page.locator(".govuk-notification-banner")).toContainText("Comparator changed");
    expect((await one<{ value: number }>(`select value from "Comparator" where id = $1`, [comparator.id])).value).toBe(78.1);

    await comparators.getByRole("link", { name: "Change England 2018-19" }).click();
    await page.getByRole("button", { name: "Remove comparator" }).click();
    await expect(page.locator(".govuk-notification-banner")).toContainText("Comparator removed");
    await expect(page.getByText("This indicator has no comparators.")).toBeVisible();
    expect(await query(`select 1 from "Comparator" where id = $1`, [comparator.id])).toHaveLength(0);
    const actions = await query<{ action: string }>(`select action from "AuditEvent" where "entityId" = $1 order by id`, [comparator.id]);
    expect(actions.map((a) => a.action)).toEqual(["comparator.added", "comparator.updated", "comparator.removed"]);

    // The catalogue lists it.
    await page.goto(`/admin/indicators?q=${newCode}`);
    expect(await codesShown(page)).toEqual([newCode]);
  });

  test("an administrator changes a target from a chosen month and the earlier row is kept", async ({ page }) => {
    const indicator = await insertIndicator("TARGET");
    const { first, lastFrozen } = await firstOpenMonth();
    await query(
      `insert into "IndicatorTarget" (id, "indicatorId", "fromMonth", target, tolerance) values (gen_random_uuid(), $1, $2, 80, 5)`,
      [indicator.id, first],
    );
    const [y, m] = first.split("-").map(Number);
    const later = { month: ((m + 1) % 12) + 1, year: m >= 11 ? y + 1 : y };
    const laterMonth = `${later.year}-${String(later.month).padStart(2, "0")}`;

    await signInAs(page, ACCOUNTS.admin);
    await page.goto(`/admin/indicators/${indicator.code}`);
    await page.getByRole("button", { name: "Change the target" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Change the target" })).toBeVisible();
    await expectAccessible(page);

    // A month whose pack is signed off is refused: that would re-judge it.
    if (lastFrozen) {
      const [py, pm] = lastFrozen.split("-").map(Number);
      await page.getByLabel("Month", { exact: true }).fill(String(pm));
      await page.getByLabel("Year", { exact: true }).fill(String(py));
      await page.getByLabel("New target", { exact: true }).fill("85");
      await page.getByRole("button", { name: "Save the new target" }).click();
      await expect(page.locator(".govuk-error-summary")).toContainText("is signed off, so a change can start from");
      await expect(page.getByLabel("New target", { exact: true })).toHaveValue("85");
      await expectAccessible(page);
    }

    await page.getByLabel("Month", { exact: true }).fill(String(later.month));
    await page.getByLabel("Year", { exact: true }).fill(String(later.year));
    await page.getByLabel("New target", { exact: true }).fill("85");
    await page.getByLabel("Tolerance (optional)").fill("4");
    await page.getByRole("button", { name: "Save the new target" }).click();
    await expect(page.locator(".govuk-notification-banner")).toContainText("Target changed from");
    const history = page.getByRole("table", { name: "Target history, newest first" });
    await expect(history.getByRole("row")).toHaveCount(3);
    await expect(history.getByRole("row").nth(1)).toContainText("85.0%");
    await expect(history.getByRole("row").nth(2)).toContainText("80.0%");
    await expectAccessible(page);

    const rows = await query<{ fromMonth: string; target: number; tolerance: number; createdById: string | null }>(
      `select "fromMonth", target, tolerance, "createdById" from "IndicatorTarget" where "indicatorId" = $1 order by "fromMonth"`,
      [indicator.id],
    );
    expect(rows.map((r) => [r.fromMonth, r.target, r.tolerance])).toEqual([
      [first, 80, 5],
      [laterMonth, 85, 4],
    ]);
    expect(rows[0].createdById).toBeNull();
    const admin = await one<{ id: string }>(`select id from "User" where email = $1`, [ACCOUNTS.admin]);
    expect(rows[1].createdById).toBe(admin.id);
    expect(
      await query(`select 1 from "AuditEvent" where action = 'indicator.target.changed' and "entityId" = $1 and "periodMonth" = $2`, [
        indicator.id,
        laterMonth,
      ]),
    ).toHaveLength(1);

    // The same month again would rewrite history: refused.
    await page.getByRole("button", { name: "Change the target" }).click();
    await page.getByLabel("Month", { exact: true }).fill(String(later.month));
    await page.getByLabel("Year", { exact: true }).fill(String(later.year));
    await page.getByLabel("New target", { exact: true }).fill("90");
    await page.getByRole("button", { name: "Save the new target" }).click();
    await expect(page.locator("#fromMonth-error")).toContainText("There is already a change from");
    expect(await query(`select 1 from "IndicatorTarget" where "indicatorId" = $1`, [indicator.id])).toHaveLength(2);
  });

  test("a conflicting edit is refused, keeps what was typed and shows what is saved now", async ({ page }) => {
    const indicator = await insertIndicator("CONFLICT");
    await signInAs(page, ACCOUNTS.admin);
    await page.goto(`/admin/indicators/${indicator.code}`);
    await page.getByLabel("Name", { exact: true }).fill(`Mine ${RUN}`);
    // Someone else saves first.
    await query(`update "Indicator" set name = $1, "updatedAt" = now() + interval '1 second' where id = $2`, [
      `Theirs ${RUN}`,
      indicator.id,
    ]);
    await page.getByRole("button", { name: "Save details" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect(summary).toContainText("Someone else changed this indicator while you were editing it");
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue(`Mine ${RUN}`);
    await expect(page.locator("#name-saved")).toContainText(`Saved by someone else: Theirs ${RUN}`);
    await expectAccessible(page);
    expect((await one<{ name: string }>(`select name from "Indicator" where id = $1`, [indicator.id])).name).toBe(`Theirs ${RUN}`);

    // Saving again, having seen theirs, replaces it.
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.locator(".govuk-notification-banner")).toContainText("Details saved");
    expect((await one<{ name: string }>(`select name from "Indicator" where id = $1`, [indicator.id])).name).toBe(`Mine ${RUN}`);
  });
});

test.describe("sections", () => {
  test("an administrator adds a section, chooses its owners and moves it up", async ({ page }) => {
    const name = sectionName("Owners");
    await signInAs(page, ACCOUNTS.admin);
    await page.goto("/admin/sections");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Add a section" }).click();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Add section" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Enter the section name");
    await page.getByLabel("Section name").fill("Demand");
    await page.getByRole("button", { name: "Add section" }).click();
    await expect(page.locator("#name-error")).toContainText("There is already a section called Demand");
    await page.getByLabel("Section name").fill(name);
    await page.getByRole("button", { name: "Add section" }).click();

    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.locator(".govuk-notification-banner")).toContainText("Section added");
    await expectAccessible(page);
    const section = await one<{ id: string; slug: string }>(`select id, slug from "Section" where name = $1`, [name]);
    expect(section.slug).toBe(`e2e-section-owners-${RUN.toLowerCase()}`);

    await page.getByLabel("Dana Price").check();
    await page.getByLabel("Priya Shah").check();
    await page.getByRole("button", { name: "Save owners" }).click();
    await expect(page.locator(".govuk-notification-banner")).toContainText("Owners saved. Owners: Dana Price and Priya Shah");
    const owners = await query<{ email: string }>(
      `select u.email from "SectionOwner" o join "User" u on u.id = o."userId" where o."sectionId" = $1 order by u.email`,
      [section.id],
    );
    expect(owners.map((o) => o.email)).toEqual([ACCOUNTS.leadDemand, ACCOUNTS.leadProtection]);
    const audit = await one<{ after: { added: string[] } }>(
      `select after from "AuditEvent" where action = 'section.owners.changed' and "entityId" = $1`,
      [section.id],
    );
    expect(audit.after.added.sort()).toEqual(["Dana Price", "Priya Shah"]);

    await page.getByLabel("Dana Price").uncheck();
    await page.getByRole("button", { name: "Save owners" }).click();
    await expect(page.locator(".govuk-notification-banner")).toContainText("Owners saved. Owners: Priya Shah");
    expect(await query(`select 1 from "SectionOwner" where "sectionId" = $1`, [section.id])).toHaveLength(1);

    await page.getByRole("link", { name: "Sections", exact: true }).last().click();
    const rowOf = (n: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: n }) });
    await expect(rowOf(name)).toContainText("Priya Shah");
    const before = await query<{ name: string }>(`select name from "Section" order by "order", name`);
    const index = before.findIndex((s) => s.name === name);
    await rowOf(name)
      .getByRole("button", { name: moveUpName(name) })
      .click();
    await expect(page.getByRole("status").filter({ hasText: `${name} moved to position ${index}` })).toBeAttached();
    const after = await query<{ name: string }>(`select name from "Section" order by "order", name`);
    expect(after.findIndex((s) => s.name === name)).toBe(index - 1);
    expect(after[index].name).toBe(before[index - 1].name);
  });
});

test.describe("keyboard and access", () => {
  test("keyboard only: filter, sort and open an indicator, then move a section", async ({ page }) => {
    const name = sectionName("Keys");
    await query(`insert into "Section" (id, name, slug, "order", "updatedAt") values (gen_random_uuid(), $1, $2, 999, now())`, [
      name,
      `e2e-keys-${RUN.toLowerCase()}`,
    ]);
    await signInAs(page, ACCOUNTS.admin);
    await page.goto("/admin/indicators");
    const search = page.getByLabel("Search by code or name");
    await tabTo(page, search);
    await page.keyboard.type("timely");
    await tabTo(page, page.getByRole("button", { name: "Name" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("columnheader", { name: /^Name/ })).toHaveAttribute("aria-sort", "ascending");
    await page.keyboard.press("Space");
    await expect(page.getByRole("columnheader", { name: /^Name/ })).toHaveAttribute("aria-sort", "descending");
    const firstLink = page.locator(".app-catalogue-table tbody a").first();
    const linkText = await firstLink.innerText();
    await tabTo(page, firstLink);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: linkText })).toBeVisible();

    await page.goto("/admin/sections");
    const count = (await query(`select 1 from "Section"`)).length;
    const moveUp = page.getByRole("button", { name: moveUpName(name) });
    await tabTo(page, moveUp);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: `${name} moved to position ${count - 1} of ${count}` })).toBeAttached();
    // Focus stays with the section that moved, so it can be moved again.
    await expect(moveUp).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: `${name} moved to position ${count - 2} of ${count}` })).toBeAttached();
    await expect(moveUp).toBeFocused();
    const sections = await query<{ name: string }>(`select name from "Section" order by "order", name`);
    expect(sections.findIndex((s) => s.name === name)).toBe(count - 3);
  });

  test("a service lead is refused the catalogue and sections with 403", async ({ page }) => {
    await signInAs(page, ACCOUNTS.leadDemand);
    for (const path of [
      "/admin/indicators",
      "/admin/indicators/new",
      "/admin/indicators/CP_PLANS",
      "/admin/indicators/CP_PLANS/target",
      "/admin/sections",
      "/admin/sections/demand",
    ]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    }
    await expectAccessible(page);
    await expect(page.getByRole("link", { name: "Indicators" })).toHaveCount(0);
  });
});
