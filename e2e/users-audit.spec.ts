// Administrators manage accounts and read the audit log; nobody else may.
import fs from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { argon2id } from "./argon";
import { ACCOUNTS, expectAccessible, signInAs } from "./fixtures";
import { one, query } from "./db";

const PASSWORD = "a-long-e2e-password";
const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** An account made straight in the database, so each test owns the person it changes. */
async function makeUser(role: string, opts: { name?: string; lockedMinutes?: number } = {}) {
  const t = tag();
  const email = `ua-${t}@test.example`;
  const name = opts.name ?? `Una ${t}`;
  const row = await one<{ id: string }>(
    `insert into "User" (id, email, name, role, "passwordHash", "lockedUntil", "updatedAt")
     values (gen_random_uuid(), $1, $2, $3::"Role", $4, case when $5::int is null then null else now() + make_interval(mins => $5::int) end, now()) returning id`,
    [email, name, role, await argon2id(PASSWORD), opts.lockedMinutes ?? null],
  );
  return { id: row.id, email, name };
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  return context.newPage();
}

async function signInWithForm(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const banner = (page: Page) => page.locator(".govuk-notification-banner--success");

test.describe("users", () => {
  test("an administrator adds a user and sees the password once; the new user signs in with it", async ({ page, browser }) => {
    await signInAs(page, ACCOUNTS.admin);
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Users" })).toBeVisible();
    await expect(page.getByRole("row", { name: /Alex Morgan/ })).toContainText("Administrator");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Add a user" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Add a user" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Add user" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Enter the person's full name");
    await expect(summary).toContainText("Enter an email address");
    await expect(summary).toContainText("Select a role");
    await expectAccessible(page);

    const t = tag();
    const name = `Nell Added ${t}`;
    const email = `nell.${t}@test.example`;
    await page.getByLabel("Full name").fill(name);
    await page.getByLabel("Email address").fill(`  Nell.${t}@TEST.example `);
    await page.getByLabel("Director").check();
    await page.getByRole("button", { name: "Add user" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "User added" })).toBeFocused();
    await expect(page.getByText("It will not be shown again")).toBeVisible();
    const password = (await page.getByTestId("one-time-password").textContent())!.trim();
    expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    expect(page.url()).not.toContain(password);
    await expect(page).toHaveTitle(/User added/);
    await expectAccessible(page);

    const stored = await one<{ role: string; passwordHash: string }>(`select role, "passwordHash" from "User" where email = $1`, [email]);
    expect(stored.role).toBe("DIRECTOR");
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(password);

    const theirs = await freshPage(browser);
    await signInWithForm(theirs, email, password);
    await expect(theirs.locator(".app-header-user")).toContainText(name);
    await theirs.context().close();

    // Shown once: coming back to the page shows the empty form, never the password.
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Add a user" })).toBeVisible();
    await expect(page.getByText(password)).toHaveCount(0);

    // The same person again, in another case, is refused.
    await page.getByLabel("Full name").fill("Nell Twice");
    await page.getByLabel("Email address").fill(email.toUpperCase());
    await page.getByLabel("Panel member", { exact: false }).check();
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(summary).toContainText(`${email} already has an account`);
    await expect(page.getByLabel("Full name")).toHaveValue("Nell Twice");
  });

  test("changing a service lead's role says which sections they lose, then removes them", async ({ page }) => {
    const lead = await makeUser("SERVICE_LEAD");
    const section = `Section ${tag()}`;
    await query(`insert into "Section" (id, name, slug, "order", "updatedAt") values (gen_random_uuid(), $1, $2, 900, now())`, [
      section,
      section.toLowerCase().replace(/\s+/g, "-"),
    ]);
    await query(`insert into "SectionOwner" ("sectionId", "userId") select id, $2 from "Section" where name = $1`, [section, lead.id]);

    await signInAs(page, ACCOUNTS.admin);
    await page.goto(`/admin/users/${lead.id}`);
    await expect(page.getByRole("heading", { level: 1, name: lead.name })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Change role" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Change role" })).toBeVisible();
    await expect(page.locator(".govuk-warning-text")).toContainText(`stop owning this section`);
    await expect(page.locator(".govuk-warning-text")).toContainText(section);
    await expectAccessible(page);
    await page.getByLabel("Director").check();
    await page.getByRole("button", { name: "Change role" }).click();
    await expect(banner(page)).toContainText(`${lead.name} is now a director`);
    await expect(page.locator(".govuk-summary-list")).toContainText("Director");
    const after = await one<{ role: string; owned: string }>(
      `select role, (select count(*) from "SectionOwner" where "userId" = u.id)::text as owned from "User" u where id = $1`,
      [lead.id],
    );
    expect(after).toEqual({ role: "DIRECTOR", owned: "0" });
    // The demo journey needs every section approved before sign-off: take this one away again.
    await query(`delete from "Section" where name = $1`, [section]);
  });

  test("a change from a stale page is refused and the page shows the account as it is now", async ({ page }) => {
    const person = await makeUser("PANEL_MEMBER");
    await signInAs(page, ACCOUNTS.admin);
    await page.goto(`/admin/users/${person.id}/role`);
    await query(`update "User" set name = $2, "adminVersion" = "adminVersion" + 1 where id = $1`, [person.id, `${person.name} Renamed`]);
    await page.getByLabel("Director").check();
    await page.getByRole("button", { name: "Change role" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("after you opened this page");
    expect((await one<{ role: string }>(`select role from "User" where id = $1`, [person.id])).role).toBe("PANEL_MEMBER");
    // The refreshed page carries the new version, so trying again works.
    await page.getByLabel("Director").check();
    await page.getByRole("button", { name: "Change role" }).click();
    await expect(banner(page)).toContainText("is now a director");
  });

  test("an administrator cannot change their own role or deactivate themselves", async ({ page }) => {
    await signInAs(page, ACCOUNTS.admin);
    const me = await one<{ id: string }>(`select id from "User" where email = $1`, [ACCOUNTS.admin]);
    await page.goto(`/admin/users/${me.id}`);
    await expect(page.getByText("This is your own account")).toBeVisible();
    await expect(page.getByRole("link", { name: "Change role" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Deactivate account" })).toHaveCount(0);
    await page.goto(`/admin/users/${me.id}/deactivate`);
    await expect(page.getByRole("heading", { level: 1, name: "You cannot deactivate your own account" })).toBeVisible();
  });

  test("a deactivated user is refused at once, and can come back when reactivated", async ({ page, browser }) => {
    const person = await makeUser("PANEL_MEMBER");
    const theirs = await freshPage(browser);
    await signInAs(theirs, person.email, PASSWORD);
    expect((await theirs.goto("/"))?.status()).toBe(200);

    await signInAs(page, ACCOUNTS.admin);
    await page.goto(`/admin/users/${person.id}`);
    await page.getByRole("button", { name: "Deactivate account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Deactivate ${person.name}'s account?` })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Deactivate account" }).click();
    await expect(banner(page)).toContainText("Account deactivated");
    await expect(page.locator(".govuk-summary-list")).toContainText("Deactivated");

    await theirs.goto("/");
    await expect(theirs).toHaveURL(/\/login/);
    await signInWithForm(theirs, person.email, PASSWORD);
    await expect(theirs.locator(".govuk-error-summary")).toContainText("The email address or password is not right");

    await page.getByRole("button", { name: "Reactivate account" }).click();
    await expect(banner(page)).toContainText("Account reactivated");
    await theirs.context().clearCookies();
    await signInWithForm(theirs, person.email, PASSWORD);
    await expect(theirs.locator(".app-header-user")).toContainText(person.name);
    await theirs.context().close();
  });

  test("resetting a password shows the new one once, and the old one stops working", async ({ page, browser }) => {
    const person = await makeUser("SERVICE_LEAD");
    // Someone already signed in as the person is signed out by the reset.
    const earlier = await freshPage(browser);
    await signInWithForm(earlier, person.email, PASSWORD);
    await expect(earlier.locator(".app-header-user")).toContainText(person.name);
    await signInAs(page, ACCOUNTS.admin);
    await page.goto(`/admin/users/${person.id}`);
    await page.getByRole("button", { name: "Reset password" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Reset ${person.name}'s password?` })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Reset password" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Password reset" })).toBeVisible();
    const password = (await page.getByTestId("one-time-password").textContent())!.trim();
    await expectAccessible(page);

    await earlier.goto("/");
    await expect(earlier).toHaveURL(/\/login/);
    await earlier.context().close();

    const theirs = await freshPage(browser);
    await signInWithForm(theirs, person.email, PASSWORD);
    await expect(theirs.locator(".govuk-error-summary")).toContainText("The email address or password is not right");
    await signInWithForm(theirs, person.email, password);
    await expect(theirs.locator(".app-header-user")).toContainText(person.name);
    await theirs.context().close();
  });

  test("an administrator unlocks a locked account", async ({ page, browser }) => {
    const person = await makeUser("DIRECTOR", { lockedMinutes: 15 });
    const { lockedUntil } = await one<{ lockedUntil: Date }>(`select "lockedUntil" from "User" where id = $1`, [person.id]);
    const until = new Intl.DateTimeFormat("en-GB", {
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: "Europe/London",
    }).format(lockedUntil);

    await signInAs(page, ACCOUNTS.admin);
    await page.goto("/admin/users");
    await expect(page.getByRole("row", { name: new RegExp(person.name) })).toContainText(`Locked until ${until}`);
    await page.getByRole("link", { name: person.name }).click();
    await expect(page.locator(".govuk-summary-list")).toContainText(`Locked until ${until}`);
    await page.getByRole("button", { name: "Unlock account" }).click();
    await expect(banner(page)).toContainText("Account unlocked");
    await expect(page.locator(".govuk-summary-list")).toContainText("Active");
    expect(
      await one<{ lockedUntil: Date | null; failedSignIns: number }>(`select "lockedUntil", "failedSignIns" from "User" where id = $1`, [
        person.id,
      ]),
    ).toEqual({ lockedUntil: null, failedSignIns: 0 });

    const theirs = await freshPage(browser);
    await signInWithForm(theirs, person.email, PASSWORD);
    await expect(theirs.locator(".app-header-user")).toContainText(person.name);
    await theirs.context().close();
  });
});

test.describe("audit log", () => {
  test("shows the changes, filters them and exports the same events as CSV", async ({ page }) => {
    const person = await makeUser("PANEL_MEMBER", { lockedMinutes: 15 });
    await signInAs(page, ACCOUNTS.admin);
    await page.goto(`/admin/users/${person.id}`);
    await page.getByRole("button", { name: "Unlock account" }).click();
    await expect(banner(page)).toBeVisible();
    await page.getByRole("link", { name: "Change role" }).click();
    await page.getByLabel("Service lead").check();
    await page.getByRole("button", { name: "Change role" }).click();
    await expect(banner(page)).toBeVisible();

    await page.getByRole("link", { name: "See the audit history of this account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    const rows = page.locator(".app-audit-table > tbody > tr");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText("Changed a user's role");
    await expect(rows.nth(0)).toContainText("Alex Morgan");
    await expect(rows.nth(0)).toContainText("Administrator");
    await expect(rows.nth(0)).toContainText(person.email);
    await expect(rows.nth(1)).toContainText("Unlocked a user's account");
    await rows.nth(0).getByText("Changed: role").click();
    await expect(rows.nth(0).locator(".govuk-details__text")).toContainText(/Role\s*Scrutiny panel member\s*Service lead/);
    await expectAccessible(page);

    // Filters: who, what, type and dates, combined.
    await page.goto("/admin/audit");
    await expectAccessible(page);
    await page.getByLabel("Who").fill("alex morgan");
    await page.getByLabel("What").selectOption({ label: "Changed a user's role" });
    await page.getByLabel("Entity type").selectOption({ label: "User" });
    const today = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/London",
      day: "numeric",
      month: "numeric",
      year: "numeric",
    }).formatToParts(new Date());
    const part = (t: string) => today.find((p) => p.type === t)!.value;
    const from = page.getByRole("group", { name: "From" });
    await from.getByLabel("Day").fill(part("day"));
    await from.getByLabel("Month").fill(part("month"));
    await from.getByLabel("Year").fill(part("year"));
    await page.getByRole("button", { name: "Apply filters" }).click();
    const showing = page.getByText(/Showing 1 to \d+ of \d+ events?/);
    await expect(showing).toBeVisible();
    const total = Number(/of ([\d,]+)/.exec((await showing.textContent())!)![1].replace(/,/g, ""));
    const actions = await page.locator(".app-audit-table > tbody > tr > td:nth-child(3)").allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(["Changed a user's role"]));
    await expect(page.locator(".app-audit-table")).toContainText(person.email);
    await expect(page.getByLabel("Who")).toHaveValue("alex morgan");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Export CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = (await fs.readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("Time (UTC),Who,Role,Action,Action code,Entity type,Entity,Entity ID,Period,Before,After");
    expect(lines.length).toBe(1 + total);
    expect(lines.slice(1).every((l) => l.includes(",user.roleChanged,User,"))).toBe(true);
    expect(csv).toContain(person.id);
    expect(csv).not.toMatch(/argon2/);

    // A date that is not real is explained, linked to its box.
    await page.goto("/admin/audit?from-day=31&from-month=2&from-year=2026");
    await expect(page.locator(".govuk-error-summary")).toContainText("From date must be a real date");
    await expect(page.locator(".govuk-error-summary a")).toHaveAttribute("href", "#from-day");
    await expectAccessible(page);
    // The export refuses the same bad filter rather than exporting everything.
    expect((await page.request.get("/admin/audit/export?from=2026-02-31")).status()).toBe(422);
  });

  test("pages through the log 50 events at a time", async ({ page }) => {
    const action = `e2e.paged${tag()}`;
    await query(
      `insert into "AuditEvent" (at, "actorName", action, "entityType", "entityId") select now() - make_interval(secs => g), 'Pager', $1, 'Thing', 'p' || g from generate_series(1, 60) g`,
      [action],
    );
    await signInAs(page, ACCOUNTS.admin);
    await page.goto(`/admin/audit?action=${action}`);
    await expect(page.getByText("Showing 1 to 50 of 60 events")).toBeVisible();
    await expect(page.locator(".app-audit-table > tbody > tr")).toHaveCount(50);
    await expect(page.getByRole("link", { name: "Page 1" })).toHaveAttribute("aria-current", "page");
    await page.getByRole("link", { name: "Next page" }).click();
    await expect(page.getByText("Showing 51 to 60 of 60 events")).toBeVisible();
    await expect(page.locator(".app-audit-table > tbody > tr")).toHaveCount(10);
    await expect(page.locator(".app-audit-table > tbody > tr").last()).toContainText("p60");
    await expectAccessible(page);
  });
});

test.describe("access to users and the audit log", () => {
  test("a director gets 403 on the user pages, the audit log and the export", async ({ page }) => {
    await signInAs(page, ACCOUNTS.director);
    const someone = await makeUser("PANEL_MEMBER");
    for (const path of [
      "/admin/users",
      "/admin/users/new",
      `/admin/users/${someone.id}`,
      `/admin/users/${someone.id}/reset-password`,
      "/admin/audit",
    ]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    }
    await expectAccessible(page);
    await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Users" })).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Audit log" })).toHaveCount(0);
    const res = await page.request.get("/admin/audit/export");
    expect(res.status()).toBe(403);
    expect(await res.text()).not.toContain("Time (UTC)");
  });
});
