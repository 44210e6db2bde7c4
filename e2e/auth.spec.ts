import { expect, test } from "@playwright/test";
import { argon2id } from "./argon";
import { ACCOUNTS, DEMO_PASSWORD, expectAccessible, signInAs } from "./fixtures";
import { one, query } from "./db";

const HOMES = [
  { email: ACCOUNTS.admin, role: "Administrator", heading: "Administration" },
  { email: ACCOUNTS.leadDemand, role: "Service lead", heading: "Your sections" },
  { email: ACCOUNTS.director, role: "Director", heading: "Reviews and sign-off" },
  { email: ACCOUNTS.panel, role: "Scrutiny panel member", heading: "Performance packs" },
];

test.describe("sign-in", () => {
  for (const account of HOMES) {
    test(`${account.role} signs in with the form and sees their home page`, async ({ page }) => {
      await page.goto("/login");
      await expectAccessible(page);
      await page.getByLabel("Email address").fill(account.email);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("heading", { level: 1, name: account.heading })).toBeVisible();
      await expect(page.getByText(`, ${account.role}`)).toBeVisible();
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Northbridge City Council" })).toBeVisible();
      await expectAccessible(page);
      const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: Record<string, unknown> };
      expect(session.user).toMatchObject({
        email: account.email,
        role: expect.any(String),
        id: expect.any(String),
        name: expect.any(String),
      });
    });
  }

  test("every demo account can sign in", async ({ page }) => {
    for (const email of Object.values(ACCOUNTS)) {
      await page.context().clearCookies();
      await signInAs(page, email);
    }
  });

  test("a wrong password and an empty form get GOV.UK error summaries", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect(summary).toContainText("Enter your email address");
    await expect(summary).toContainText("Enter your password");
    await expect(summary).toBeFocused();
    await expectAccessible(page);
    await page.getByLabel("Email address").fill(ACCOUNTS.admin);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(summary).toContainText("The email address or password is not right");
    await page.getByLabel("Email address").fill("nobody@northbridge.example");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(summary).toContainText("The email address or password is not right");
  });

  test("five failures lock the account, in the same words an unknown email gets", async ({ page }) => {
    const email = `lockout-${Date.now()}@test.example`;
    await query(
      `insert into "User" (id, email, name, role, "passwordHash", "updatedAt") values (gen_random_uuid(), $1, 'Lockout Test', 'SERVICE_LEAD', $2, now())`,
      [email, await argon2id("right-password-123")],
    );
    await page.goto("/login");
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Password").fill(`wrong-${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.locator(".govuk-error-summary")).toBeVisible();
    }
    // Only real accounts lock, so a locked one must read like an unknown email (the message says how locks work).
    const notRight = "The email address or password is not right. After 5 wrong attempts in a row an account is locked";
    await expect(page.locator(".govuk-error-summary")).toContainText(notRight);
    await page.getByLabel("Password").fill("right-password-123");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText(notRight);
    const row = await one<{ lockedUntil: Date | null }>(`select "lockedUntil" from "User" where email = $1`, [email]);
    expect(row.lockedUntil).not.toBeNull();
    expect(await page.request.get("/api/auth/session").then((r) => r.json())).toEqual({});
  });

  test("signing out ends the session", async ({ page }) => {
    await signInAs(page, ACCOUNTS.director);
    await page.goto("/");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2F/);
  });
});

test.describe("access", () => {
  const PROTECTED = ["/", "/admin"];

  for (const path of PROTECTED) {
    test(`a signed-out visitor to ${path} is sent to sign in and back`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=${encodeURIComponent(path).replace(/[/]/g, "%2F")}`));
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
      await page.getByLabel("Email address").fill(ACCOUNTS.admin);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(new RegExp(`${path.replace(/[/]/g, "\\/")}$`));
    });
  }

  test("a panel member is refused an admin page with 403", async ({ page }) => {
    await signInAs(page, ACCOUNTS.panel);
    const res = await page.goto("/admin");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await expectAccessible(page);
  });

  test("a deactivated user loses access at once, before the token expires", async ({ page }) => {
    const email = `deactivate-${Date.now()}@test.example`;
    await query(
      `insert into "User" (id, email, name, role, "passwordHash", "updatedAt") values (gen_random_uuid(), $1, 'Soon Gone', 'ADMIN', $2, now())`,
      [email, await argon2id("right-password-123")],
    );
    await signInAs(page, email, "right-password-123");
    expect((await page.goto("/admin"))?.status()).toBe(200);
    await query(`update "User" set active = false where email = $1`, [email]);
    // As soon as the database's notification of the change reaches the server (see the next test).
    await expect
      .poll(async () => new URL((await page.goto("/admin"))?.url() ?? page.url()).pathname, { timeout: 5_000, intervals: [50] })
      .toBe("/login");
  });

  test("a re-roled user gets the new role's access at once", async ({ page }) => {
    const email = `rerole-${Date.now()}@test.example`;
    await query(
      `insert into "User" (id, email, name, role, "passwordHash", "updatedAt") values (gen_random_uuid(), $1, 'Re Role', 'ADMIN', $2, now())`,
      [email, await argon2id("right-password-123")],
    );
    await signInAs(page, email, "right-password-123");
    expect((await page.goto("/admin"))?.status()).toBe(200);
    await query(`update "User" set role = 'PANEL_MEMBER' where email = $1`, [email]);
    // The server keeps sessions in memory and drops this one when the database's notification of the
    // change reaches it (lib/cache/invalidation.ts): milliseconds, but not before this test's next
    // request can be sent on a loaded machine, since the change was made here and not through the app.
    await expect.poll(async () => (await page.goto("/admin"))?.status(), { timeout: 5_000, intervals: [50] }).toBe(403);
  });

  test("an unknown page is a plain 404", async ({ page }) => {
    await signInAs(page, ACCOUNTS.admin);
    const res = await page.goto("/no-such-page");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expectAccessible(page);
  });

  test("health reports the database", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "ok" });
  });
});
