// A phone's first screen (320 px, 400% zoom of 1280): the navigation folds behind GOV.UK's "Menu"
// button and works by keyboard (links still all there without JavaScript), a table wider than the
// screen says it scrolls sideways, and the pack's printing advice names no keys where there is no
// keyboard. Each with axe.
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signInAs } from "./fixtures";

const PHONE = { width: 320, height: 640 };
const NAV = ["Home", "Periods", "Packs", "Recommendations", "Administration", "Indicators", "Sections", "Users", "Audit log"];

/** Tab from the top of the page until `name` has focus (by keyboard, as a person would). */
async function tabTo(page: Page, name: string, most = 12) {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

test.describe("at 320 px", () => {
  test.use({ viewport: PHONE });

  test("an administrator opens the navigation menu by keyboard, and goes to Periods", async ({ page }) => {
    await signInAs(page, ACCOUNTS.admin);
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Menu" });
    const menu = nav.getByRole("button", { name: "Menu" });
    await expect(menu).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav.getByRole("link")).toHaveCount(0); // folded away: not on the first screen, not in the tab order
    // The page's heading is on the first screen, not below nine links.
    const heading = await page.getByRole("heading", { level: 1 }).boundingBox();
    expect(heading!.y + heading!.height).toBeLessThan(PHONE.height);
    await expectAccessible(page);

    await tabTo(page, "Menu");
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link")).toHaveText(NAV);
    await expectAccessible(page);
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name: "Home" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name: "Periods" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/periods$/);
    await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("button", { name: "Menu" })).toHaveAttribute(
      "aria-expanded",
      "false",
    );

    // Space closes it again.
    await tabTo(page, "Menu");
    await page.keyboard.press("Space");
    await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Periods" })).toBeVisible();
    await page.keyboard.press("Space");
    await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link")).toHaveCount(0);
  });

  test("without JavaScript every navigation link shows and there is no Menu button", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, ACCOUNTS.admin);
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Menu" });
    await expect(nav.getByRole("link")).toHaveText(NAV);
    await expect(nav.getByRole("button", { name: "Menu" })).toBeHidden();
    await context.close();
  });

  test("a table wider than the screen says it scrolls sideways, with a shadow on the edge with more to see", async ({ page }) => {
    await signInAs(page, ACCOUNTS.admin);
    await page.goto("/admin/sections");
    const region = page.getByRole("region", { name: "Sections" });
    await expect(region).toHaveAttribute("data-overflowing", "");
    expect(await hint(page, "Sections")).toBe('"Scroll sideways to see all columns" / ""'); // empty alternative: not read out
    expect(await region.evaluate((el) => getComputedStyle(el).backgroundImage)).toContain("linear-gradient");
    // Focusable, so a keyboard scrolls it.
    await region.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await expectAccessible(page);

    // Wide enough for the whole table: no words.
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect(region).not.toHaveAttribute("data-overflowing");
    expect(await hint(page, "Sections")).toBe("none");
  });

  test("the stored pack page's printing advice names no keyboard keys on a phone", async ({ page }) => {
    await signInAs(page, ACCOUNTS.panel);
    await page.goto("/packs/2019-07");
    await expect(page.getByText("choose Print in your browser's menu")).toBeVisible();
    await expect(page.getByText("Ctrl+P", { exact: false })).toBeHidden();
    await expectAccessible(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect(page.getByText("Ctrl+P", { exact: false })).toBeVisible();
    await expect(page.getByText("choose Print in your browser's menu")).toBeHidden();
  });
});

test("at desktop width the navigation shows every link and no Menu button", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, ACCOUNTS.admin);
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Menu" });
  await expect(nav.getByRole("link")).toHaveText(NAV);
  await expect(nav.getByRole("button", { name: "Menu" })).toBeHidden();
  await expectAccessible(page);
});

/** The region's scroll hint as drawn ("none" when it is not). */
const hint = (page: Page, name: string) => page.getByRole("region", { name }).evaluate((el) => getComputedStyle(el, "::before").content);
