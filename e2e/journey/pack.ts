import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, expectAccessible, expectResultFocused, signInAs } from "../fixtures";
import { one, query } from "../db";
import { extractText, getDocumentProxy } from "unpdf";

const MONTH = "2019-08";

async function as(page: Page, email: string) {
  await page.context().clearCookies();
  await signInAs(page, email);
}

/** At 320 px (400% zoom) the page reflows: nothing scrolls sideways. */
async function expectReflows(page: Page) {
  await page.setViewportSize({ width: 320, height: 900 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await page.setViewportSize({ width: 1280, height: 720 });
}

test.describe.serial("the August 2019 pack", () => {
  test("before sign-off staff see a draft preview and the panel gets 404", async ({ page }) => {
    await as(page, ACCOUNTS.leadDemand);
    await page.goto(`/packs/${MONTH}`);
    await expect(page.getByText("Draft: not signed off")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: /Children's Services Performance Overview/ })).toBeVisible();
    await as(page, ACCOUNTS.panel);
    expect((await page.goto(`/packs/${MONTH}`))?.status()).toBe(404);
  });

  test("the director signs off and publishes, each after a check page, by keyboard", async ({ page }) => {
    await as(page, ACCOUNTS.director);
    await page.goto(`/periods/${MONTH}`);
    await expectAccessible(page);
    // Signing off cannot be undone: the period page's button only leads to the check page.
    await page.getByRole("button", { name: "Continue to sign off" }).press("Enter");
    await expect(page).toHaveURL(`/periods/${MONTH}/sign-off`);
    await expect(page).toHaveTitle(/^Check before you sign off the August 2019 pack/);
    await expect(page.getByRole("heading", { level: 1, name: "Check before you sign off the pack" })).toBeVisible();
    const summaryRow = (label: string) => page.locator(".govuk-summary-list__row", { has: page.locator("dt", { hasText: label }) }).first();
    await expect(summaryRow("Month")).toContainText("August 2019");
    await expect(summaryRow("Version")).toContainText("1");
    await expect(summaryRow("Figures")).toContainText("32 indicators");
    await expect(summaryRow("Exceptions")).toContainText(/\d+ exceptions?, with \d+ open actions?/);
    await expect(summaryRow("Demand")).toContainText("approved by Sam Bullingham");
    await expect(page.getByRole("heading", { name: "What happens when you sign off" })).toBeVisible();
    await expect(page.getByText("Nobody is emailed.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "You cannot undo this" })).toBeVisible();
    await expectAccessible(page);
    await expectReflows(page);
    // Nothing has happened yet.
    expect((await one<{ status: string }>(`select status from "Period" where month = $1`, [MONTH])).status).toBe("OPEN");

    await page.getByRole("button", { name: "Sign off the August 2019 pack" }).press("Enter");
    await expect(page).toHaveURL(`/periods/${MONTH}?done=signed-off`, { timeout: 30_000 });
    await expectResultFocused(page, "The August 2019 pack is signed off");
    const signed = await one<{ status: string; version: number; contentHash: string }>(
      `select p.status, v.version, v."contentHash" from "Period" p join "PackVersion" v on v."periodId" = p.id where p.month = $1`,
      [MONTH],
    );
    expect(signed).toMatchObject({ status: "SIGNED_OFF", version: 1 });
    expect(signed.contentHash).toMatch(/^hmac-sha256:[0-9a-f]{12}:[0-9a-f]{64}$/);

    // Publishing likewise: the check page names the panel members who will be able to read it.
    const panel = (await query<{ name: string }>(`select name from "User" where role = 'PANEL_MEMBER' and active order by name, id`)).map(
      (r) => r.name,
    );
    expect(panel.length).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Continue to publish" }).press("Enter");
    await expect(page).toHaveURL(`/periods/${MONTH}/publish`);
    await expect(page.getByRole("heading", { level: 1, name: "Check before you publish the pack" })).toBeVisible();
    await expect(summaryRow("Signed off")).toContainText("By Sam Bullingham on");
    await expect(page.getByRole("heading", { name: "Who will be able to read it" })).toBeVisible();
    await expect(page.locator("#panel-members li")).toHaveText(panel);
    await expect(page.getByRole("heading", { name: "You cannot undo this" })).toBeVisible();
    await expectAccessible(page);
    await expectReflows(page);
    expect((await one<{ status: string }>(`select status from "Period" where month = $1`, [MONTH])).status).toBe("SIGNED_OFF");

    await page.getByRole("button", { name: "Publish the August 2019 pack" }).press("Enter");
    await expect(page.getByText("Published to the scrutiny panel.")).toBeVisible();
    await expectResultFocused(page, "The August 2019 pack is published to the scrutiny panel");
    const banner = page.locator(".govuk-notification-banner--success");
    await expect(banner).toContainText(`${panel.length} panel member${panel.length === 1 ? "" : "s"} can now read it: `);
    for (const name of panel) await expect(banner).toContainText(name);
    await expectAccessible(page);
    expect((await one<{ status: string }>(`select status from "Period" where month = $1`, [MONTH])).status).toBe("PUBLISHED");
    // From the focused banner, Tab reaches its link to the published pack.
    await page.keyboard.press("Tab");
    await expect(banner.getByRole("link", { name: "Read the published pack" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`/packs/${MONTH}`);
    await expect(page.getByRole("heading", { level: 1, name: /Children's Services Performance Overview/ })).toBeVisible();
  });

  test("the panel member reads the published pack with its figures and commentary", async ({ page }) => {
    await as(page, ACCOUNTS.panel);
    await page.goto("/packs");
    await expectAccessible(page);
    await page.getByRole("link", { name: "August 2019" }).click();
    await expect(page).toHaveURL(`/packs/${MONTH}`);
    await expect(page.locator(".app-pack-facts")).toContainText("Signed off by Sam Bullingham, Director, on");
    const detail = page.locator("table.app-pack-detail");
    // The row header is the indicator's name, then any marker ("Recommendation open", "Action open").
    const row = (name: string) =>
      detail.locator("tr", {
        has: page.getByRole("rowheader", {
          name: new RegExp(`^${name.replace(/[()]/g, "\\$&")}(?:\\s*[◆●]?\\s*(?:Recommendation|Action) open)*$`),
        }),
      });
    await expect(row("Contacts received")).toContainText("1,337");
    await expect(row("Contacts received")).toContainText("1,861");
    await expect(row("Children on a child protection plan")).toContainText("456");
    await expect(row("Looked after children (LAC)")).toContainText("512");
    await expect(page.locator("#section-demand").locator("..")).toContainText("Early Help pathway");
    await expect(page.locator(".app-chart__caption", { hasText: "Up from 363 to 428 since July" })).toBeVisible();
    await expect(page.locator(".app-chart svg[role=img] title").first()).toHaveText(/, April 2018 to August 2019$/);
    await expectAccessible(page);

    // The PDF is made by Chromium from the same page: its text holds the same figures.
    const pdf = await page.request.get(`/packs/${MONTH}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toContain("application/pdf");
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), { mergePages: true });
    for (const figure of ["1,337", "1,861", "456", "512", "Early Help pathway", "August 2019"]) expect(text).toContain(figure);
  });

  test("printing hides navigation, keeps the cover on its own page and never splits a chart", async ({ page }) => {
    await as(page, ACCOUNTS.panel);
    await page.goto(`/packs/${MONTH}`);
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".govuk-service-navigation")).toBeHidden();
    await expect(page.locator(".app-pack-tools")).toBeHidden();
    const charts = await page.locator(".app-chart").evaluateAll((els) => els.map((e) => getComputedStyle(e).breakInside));
    expect(charts.length).toBe(32);
    expect(charts.every((b) => b === "avoid")).toBe(true);
    expect(await page.locator(".app-pack-cover").evaluate((e) => getComputedStyle(e).breakAfter)).toBe("page");
    expect(
      await page
        .locator(".app-pack-table thead")
        .first()
        .evaluate((e) => getComputedStyle(e).display),
    ).toBe("table-header-group");
    await expectAccessible(page);
  });

  test("changing a live value does not change the published pack; an amendment publishes version 2", async ({ page }) => {
    const before = await one<{ snapshot: unknown; contentHash: string }>(
      `select v.snapshot, v."contentHash" from "PackVersion" v join "Period" p on p.id = v."periodId" where p.month = $1 and v.version = 1`,
      [MONTH],
    );
    await query(
      `update "IndicatorValue" set value = 9999 where "indicatorId" = (select id from "Indicator" where code = 'CONTACTS') and "periodId" = (select id from "Period" where month = $1)`,
      [MONTH],
    );
    await as(page, ACCOUNTS.panel);
    await page.goto(`/packs/${MONTH}`);
    await expect(page.locator("table.app-pack-table").first()).toContainText("1,337");
    await expect(page.locator("table.app-pack-table").first()).not.toContainText("9,999");
    // What a browser holds before the amendment: the page's ETag, latest and version-addressed.
    const tagOf = async (path: string, ifNoneMatch?: string) => {
      const res = await page.request.get(path, {
        headers: { "accept-encoding": "gzip, br", ...(ifNoneMatch ? { "if-none-match": ifNoneMatch } : {}) },
      });
      return { status: res.status(), etag: res.headers().etag, text: res.status() === 200 ? await res.text() : "" };
    };
    const latestBefore = await tagOf(`/packs/${MONTH}`);
    const v1Before = await tagOf(`/packs/${MONTH}?version=1`);
    expect(latestBefore.etag).toMatch(/^"[^"]+"$/);
    expect((await tagOf(`/packs/${MONTH}`, latestBefore.etag)).status).toBe(304);

    await as(page, ACCOUNTS.director);
    await page.goto(`/periods/${MONTH}`);
    await page.getByRole("button", { name: "Start amendment" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Give the reason for the amendment");
    await page.getByLabel("Reason for the amendment").fill("Contacts figure corrected after a data-quality check");
    await page.getByRole("button", { name: "Start amendment" }).click();
    await expect(page.getByText("Amendment in progress: Contacts figure corrected")).toBeVisible();
    await expectResultFocused(page, "Amendment started");
    // The keyboard alone from the result: Tab on to the next action, Enter, and focus is on the new result.
    await page.getByRole("button", { name: "Continue to sign off" }).press("Enter");
    await expect(page.locator(".govuk-summary-list__row", { hasText: "Version" }).first()).toContainText(
      "2: an amendment (Contacts figure corrected after a data-quality check)",
    );
    await page.getByRole("button", { name: "Sign off the August 2019 pack" }).press("Enter");
    await expectResultFocused(page, "is signed off");
    await page.getByRole("button", { name: "Continue to publish" }).press("Enter");
    await expect(page.locator(".govuk-summary-list__row", { hasText: "Replaces" })).toContainText(
      "Version 1, which stays readable, marked “Superseded by version 2”",
    );
    await page.getByRole("button", { name: "Publish the August 2019 pack" }).press("Enter");
    await expect(page.getByText("Published to the scrutiny panel.")).toBeVisible();
    await expectResultFocused(page, "is published to the scrutiny panel");

    await as(page, ACCOUNTS.panel);
    await page.goto(`/packs/${MONTH}`);
    await expect(page.locator(".app-pack-cover")).toContainText("2");
    await expect(page.locator("table.app-pack-table").first()).toContainText("9,999");
    await expect(page.getByRole("heading", { name: "Amendment log" })).toBeVisible();
    // The reason is on the cover, beside the version, and in the amendment log.
    await expect(page.locator(".app-pack-facts")).toContainText("2 (amended: Contacts figure corrected after a data-quality check)");
    await expect(page.getByRole("cell", { name: "Contacts figure corrected after a data-quality check" })).toBeVisible();
    // At 320 px (400% zoom) the log's table scrolls inside its own named, focusable region; the page does not.
    await page.setViewportSize({ width: 320, height: 900 });
    const logRegion = page.getByRole("region", { name: "Amendment log: versions" });
    await expect(logRegion).toHaveAttribute("tabindex", "0");
    await expect(logRegion.getByRole("cell", { name: "Contacts figure corrected after a data-quality check" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 720 });
    // The amendment changes both pages, so the ETags the browser held no longer match: a full page, not a 304.
    const latestAfter = await tagOf(`/packs/${MONTH}`, latestBefore.etag);
    expect(latestAfter.status).toBe(200);
    expect(latestAfter.etag).not.toBe(latestBefore.etag);
    expect(latestAfter.text).toContain("Contacts figure corrected after a data-quality check");
    const v1After = await tagOf(`/packs/${MONTH}?version=1`, v1Before.etag);
    expect(v1After.status).toBe(200);
    expect(v1After.etag).not.toBe(v1Before.etag);
    expect(v1After.text).toMatch(/Superseded by version (<!-- -->)?2/); // React separates text parts with a comment
    await page.goto(`/packs/${MONTH}?version=1`);
    await expect(page.getByText("Superseded by version 2")).toBeVisible();
    await expect(page.locator("table.app-pack-table").first()).toContainText("1,337");
    const after = await one<{ snapshot: unknown; contentHash: string }>(
      `select v.snapshot, v."contentHash" from "PackVersion" v join "Period" p on p.id = v."periodId" where p.month = $1 and v.version = 1`,
      [MONTH],
    );
    expect(after.contentHash).toBe(before.contentHash);
    expect(after.snapshot).toEqual(before.snapshot);
    expect((await page.goto(`/packs/${MONTH}?version=7`))?.status()).toBe(404);
    expect((await page.goto(`/packs/2031-01`))?.status()).toBe(404);
  });
});
