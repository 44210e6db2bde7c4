// The published pack page is served from HTML stored once per version and build: no JavaScript,
// the reader's own (escaped) name in the header, and a sign-out that works without scripts.
import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signInAs } from "./fixtures";
import { one, query } from "./db";

const MONTH = "2019-07";

test.describe.serial("the stored published pack page", () => {
  test("sends no script, is stored once, and shows each reader their own escaped name", async ({ page }) => {
    await page.context().clearCookies();
    await signInAs(page, ACCOUNTS.panel);
    const first = await page.request.get(`/packs/${MONTH}`);
    expect(first.status()).toBe(200);
    expect(first.headers()["cache-control"]).toBe("private, no-cache");
    const html = await first.text();
    expect(html).toContain('id="pack-title"');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("data-app-slot");
    const stored = await one<{ renderedHtml: string }>(`select v."renderedHtml" from "PackVersion" v join "Period" p on p.id = v."periodId" where p.month = $1 and v.version = 1`, [MONTH]);
    expect(stored.renderedHtml.startsWith("<!--scrutiny-stored build=")).toBe(true);
    expect(stored.renderedHtml).not.toContain("Signed in as");

    const original = await one<{ name: string }>(`select name from "User" where email = $1`, [ACCOUNTS.panel]);
    await query(`update "User" set name = $2 where email = $1`, [ACCOUNTS.panel, `Pat <i>Panel</i> & "Co"`]);
    try {
      const renamed = await (await page.request.get(`/packs/${MONTH}`)).text();
      expect(renamed).toContain("Signed in as <strong>Pat &lt;i&gt;Panel&lt;/i&gt; &amp; &quot;Co&quot;</strong>");
      expect(renamed).not.toContain("<i>Panel</i>");
      await page.goto(`/packs/${MONTH}`);
      await expect(page.locator(".app-header-user")).toContainText(`Signed in as Pat <i>Panel</i> & "Co", Scrutiny panel member`);
    } finally {
      await query(`update "User" set name = $2 where email = $1`, [ACCOUNTS.panel, original.name]);
    }
    await expect(page.getByRole("link", { name: "Packs" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("use your browser's print command")).toBeVisible();
    await expectAccessible(page);
  });

  test("the director's draft preview still comes from the live page, with its scripts", async ({ page }) => {
    await page.context().clearCookies();
    await signInAs(page, ACCOUNTS.director);
    const res = await page.request.get(`/packs/${MONTH}?preview=1`);
    const html = await res.text();
    expect(html).toContain("Draft: not signed off");
    expect(html).toMatch(/<script/);
  });

  test("signing out from the stored page needs no JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, ACCOUNTS.panel).catch(async () => {
      // Signing in may need scripts; take the session from a scripted page instead.
      const scripted = await browser.newContext();
      const p = await scripted.newPage();
      await signInAs(p, ACCOUNTS.panel);
      await context.addCookies(await scripted.cookies());
      await scripted.close();
    });
    await page.goto(`/packs/${MONTH}`);
    await expect(page.locator("#pack-title")).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto(`/packs/${MONTH}`);
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await context.close();
  });
});
