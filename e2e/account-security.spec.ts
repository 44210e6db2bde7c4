// Accounts under attack: changing your own password, the forced change after an administrator's
// reset, two-step sign-in on and off (each with the current password), and a session that ends on the
// server when its owner signs out.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { argon2id } from "./argon";
import { ACCOUNTS, expectAccessible, signInAs } from "./fixtures";
import { one } from "./db";
import { totpCode, totpStep } from "../lib/auth/totp";

const PASSWORD = "an-e2e-password-for-tests";
const NEW_PASSWORD = "orbit-lantern-quietly-7";
const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function makeUser(role: string) {
  const t = tag();
  const email = `acct-${t}@test.example`;
  const name = `Ada ${t}`;
  const row = await one<{ id: string }>(
    `insert into "User" (id, email, name, role, "passwordHash", "updatedAt") values (gen_random_uuid(), $1, $2, $3::"Role", $4, now()) returning id`,
    [email, name, role, await argon2id(PASSWORD)],
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

test.describe("your own password", () => {
  test("anyone changes their own password by keyboard; a bad one is explained field by field", async ({ page }) => {
    const person = await makeUser("PANEL_MEMBER");
    await signInWithForm(page, person.email, PASSWORD);
    await expect(page.locator(".app-header-user")).toContainText(person.name);
    await page.getByRole("link", { name: "Change your password" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Change your password" })).toBeVisible();
    await expectAccessible(page);

    // By keyboard: type into each field in turn and press Enter.
    await page.getByLabel("Current password").focus();
    await page.keyboard.type("not-my-password");
    await page.keyboard.press("Tab");
    await page.keyboard.type("password1234");
    await page.keyboard.press("Tab");
    await page.keyboard.type("password1234");
    await page.keyboard.press("Enter");
    const summary = page.locator(".govuk-error-summary");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Your current password is not right");
    // Every problem at once (issue 26), each against its field too.
    await expect(summary).toContainText("too common");
    await expect(page.locator("#newPassword-error")).toContainText("too common");
    await expectAccessible(page);

    await page.getByLabel("Current password").fill(PASSWORD);
    await page.getByLabel("New password", { exact: true }).fill("password1234");
    await page.getByLabel("Confirm new password").fill("password1234");
    await page.getByRole("button", { name: "Change password" }).click();
    // The new answer (the current password is right now), focused, before its link is followed: the
    // first answer's summary also said "too common", and a late answer would take the focus back.
    await expect(summary).not.toContainText("Your current password is not right");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("too common");
    await summary.getByRole("link", { name: /too common/ }).click();
    await expect(page.getByLabel("New password", { exact: true })).toBeFocused();

    await page.getByLabel("Current password").fill(PASSWORD);
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Confirm new password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.locator(".govuk-notification-banner--success")).toContainText("Your password has been changed");
    await expectAccessible(page);
    const event = await one<{ n: string }>(
      `select count(*)::text as n from "AuditEvent" where action = 'user.passwordChanged' and "entityId" = $1`,
      [person.id],
    );
    expect(event.n).toBe("1");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await signInWithForm(page, person.email, PASSWORD);
    await expect(page.locator(".govuk-error-summary")).toContainText("The email address or password is not right");
    await signInWithForm(page, person.email, NEW_PASSWORD);
    await expect(page.locator(".app-header-user")).toContainText(person.name);
  });

  test("a password an administrator reset only lets the person choose a new one", async ({ page, browser }) => {
    const person = await makeUser("SERVICE_LEAD");
    await signInAs(page, ACCOUNTS.admin);
    await page.goto(`/admin/users/${person.id}/reset-password`);
    await page.getByRole("button", { name: "Reset password" }).click();
    const given = (await page.getByTestId("one-time-password").textContent())!.trim();

    const theirs = await freshPage(browser);
    await signInWithForm(theirs, person.email, given);
    await expect(theirs.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
    await expectAccessible(theirs);
    // Every page, and every action or download, is closed to them until they do.
    await theirs.goto("/");
    await expect(theirs).toHaveURL(/\/account\/password$/);
    expect((await theirs.request.get("/packs/2019-07/pdf", { maxRedirects: 0 })).status()).toBe(401);

    await theirs.getByLabel("Current password").fill(given);
    await theirs.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await theirs.getByLabel("Confirm new password").fill(NEW_PASSWORD);
    await theirs.getByRole("button", { name: "Change password" }).click();
    await expect(theirs.getByRole("heading", { level: 1, name: "Your sections" })).toBeVisible();
    const row = await one<{ mustChangePassword: boolean }>(`select "mustChangePassword" from "User" where id = $1`, [person.id]);
    expect(row.mustChangePassword).toBe(false);
    await theirs.context().close();
  });
});

test.describe("two-step sign-in", () => {
  test("someone sets up an authenticator app, then signs in with a code, or once with a recovery code", async ({ page, browser }) => {
    const person = await makeUser("DIRECTOR");
    await signInWithForm(page, person.email, PASSWORD);
    await page.getByRole("link", { name: "Two-step sign-in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Set up two-step sign-in" })).toBeVisible();
    await expectAccessible(page);
    const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");

    // Both fields are needed: the current password shows it is the person, not someone at their computer.
    await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Enter your current password");
    await page.getByLabel("Code from your authenticator app").fill("12345");
    await page.getByLabel("Your current password").fill(PASSWORD);
    await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("The code is not right");
    await expectAccessible(page);
    await page.getByLabel("Code from your authenticator app").fill(totpCode(secret, totpStep(new Date())));
    await page.getByLabel("Your current password").fill(PASSWORD);
    await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Two-step sign-in is on" })).toBeVisible();
    const recovery = (await page.getByTestId("recovery-codes").locator("li").allTextContents()).map((c) => c.trim());
    expect(recovery).toHaveLength(10);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);

    // The password alone is not enough now: the form asks for the code, by keyboard too.
    await signInWithForm(page, person.email, PASSWORD);
    const summary = page.locator(".govuk-error-summary");
    await expect(summary).toContainText("Enter the 6-digit code");
    await expectAccessible(page);
    await summary.getByRole("link", { name: /6-digit code/ }).click();
    await expect(page.getByLabel("Code from your authenticator app")).toBeFocused();
    // The code for the next 30 seconds: the one used to turn it on is spent.
    await page.keyboard.type(totpCode(secret, totpStep(new Date()) + 1));
    await page.keyboard.press("Enter");
    await expect(page.locator(".app-header-user")).toContainText(person.name);

    const other = await freshPage(browser);
    await signInWithForm(other, person.email, PASSWORD);
    await other.getByLabel("Code from your authenticator app").fill(recovery[0]);
    await other.getByRole("button", { name: "Sign in" }).click();
    await expect(other.locator(".app-header-user")).toContainText(person.name);
    await other.context().close();
    const left = await one<{ n: number; secret: string }>(
      `select cardinality("totpRecoveryHashes") as n, "totpSecret" as secret from "User" where id = $1`,
      [person.id],
    );
    expect(left.n).toBe(9);
    // Stored sealed, never as the key the person typed into their app.
    expect(left.secret).not.toContain(secret);

    // They turn it off themselves, with their current password.
    await page.goto("/account/two-step");
    await expect(page.getByRole("heading", { level: 1, name: "Two-step sign-in is on" })).toBeVisible();
    await page.getByLabel("Your current password").fill("not-my-password");
    await page.getByRole("button", { name: "Turn off two-step sign-in" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Your current password is not right");
    await expectAccessible(page);
    await page.getByLabel("Your current password").fill(PASSWORD);
    await page.getByRole("button", { name: "Turn off two-step sign-in" }).click();
    await expect(page.locator(".govuk-notification-banner--success")).toContainText("Two-step sign-in is off");
    await expect(page.getByRole("heading", { level: 1, name: "Set up two-step sign-in" })).toBeVisible();
    const off = await one<{ on: boolean }>(`select "totpEnabledAt" is not null as on from "User" where id = $1`, [person.id]);
    expect(off.on).toBe(false);
  });
});

test.describe("sessions", () => {
  test("signing out ends the session on the server, so a copy of its cookie no longer works", async ({ page, browser }) => {
    const person = await makeUser("DIRECTOR");
    await signInWithForm(page, person.email, PASSWORD);
    await expect(page.locator(".app-header-user")).toContainText(person.name);
    const copied = await page.context().cookies();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);

    const thief = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await stolen.goto("/");
    await expect(stolen).toHaveURL(/\/login/);
    const ended = await one<{ n: string }>(`select count(*)::text as n from "UserSession" where "userId" = $1 and "endedAt" is not null`, [
      person.id,
    ]);
    expect(ended.n).toBe("1");
    await thief.close();
  });
});
