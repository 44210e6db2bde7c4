// The 404 and 403 pages: real content under the page's own Content-Security-Policy (the nonce on the
// scripts is the one in the header, so they run and nothing is refused), and the council's header,
// navigation and footer drawn once, inside the signed-in area as well as outside it.
import { expect, test, type Page, type Response } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signInAs, watchViolations } from "./fixtures";

/** The nonce in the response's script-src, and every nonce on the page's scripts and styles (as sent and as parsed). */
async function expectNonceMatches(page: Page, res: Response) {
  const policy = res.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce, `a nonce in the Content-Security-Policy of ${res.url()}`).toBeTruthy();
  const html = await res.text();
  const sent = [...html.matchAll(/<(?:script|style|link)\b[^>]*\bnonce="([^"]*)"/g)].map((m) => m[1]);
  const parsed = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("script, style, link[nonce]")].map((e) => e.nonce ?? "").filter(Boolean),
  );
  expect(sent.length, "the page has nonce'd scripts").toBeGreaterThan(0);
  expect(new Set([...sent, ...parsed])).toEqual(new Set([nonce]));
  // No inline script without the nonce.
  expect(html.match(/<script\b(?![^>]*\bnonce=)/g) ?? []).toEqual([]);
}

async function expectErrorPage(page: Page, path: string, want: { status: number; heading: string; signedIn: boolean }) {
  const violations = await watchViolations(page);
  const res = await page.goto(path);
  expect(res, path).not.toBeNull();
  expect(res!.status(), `status of ${path}`).toBe(want.status);
  await expect(page.getByRole("heading", { level: 1, name: want.heading })).toBeVisible();
  // React hydrated: Next's client bootstrap ran, which it cannot without the right nonce.
  await page.waitForFunction(() => typeof (window as unknown as { next?: object }).next === "object");
  // The frame once: not one page shell inside another.
  await expect(page.locator(".govuk-skip-link")).toHaveCount(1);
  await expect(page.locator("header")).toHaveCount(1);
  await expect(page.locator(".govuk-service-navigation")).toHaveCount(1);
  await expect(page.locator("main")).toHaveCount(1);
  await expect(page.locator("footer")).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  if (want.signedIn) await expect(page.locator(".app-header-user")).toHaveCount(1);
  // Styled: GOV.UK Frontend's stylesheet applied to the heading.
  expect(await page.getByRole("heading", { level: 1 }).evaluate((h) => getComputedStyle(h).fontWeight)).toBe("700");
  await expectNonceMatches(page, res!);
  await expectAccessible(page);
  expect(await violations()).toEqual([]);
}

const NOT_FOUND = "Page not found";
const FORBIDDEN = "You do not have access to this page";

test.describe("error pages", () => {
  test("an unpublished pack, to the panel member, is a 404 page with content and a matching nonce", async ({ page }) => {
    await signInAs(page, ACCOUNTS.panel);
    await expectErrorPage(page, "/packs/2019-08", { status: 404, heading: NOT_FOUND, signedIn: true });
  });

  test("a pack that does not exist is a 404 page when signed in, and still sends signed-out visitors to sign in", async ({ page }) => {
    const out = await page.request.get("/packs/2031-01", { maxRedirects: 0 });
    expect(out.status()).toBe(307);
    expect(out.headers().location).toContain("/login?callbackUrl=%2Fpacks%2F2031-01");

    await signInAs(page, ACCOUNTS.director);
    await expectErrorPage(page, "/packs/2031-01", { status: 404, heading: NOT_FOUND, signedIn: true });
  });

  test("a 404 inside the signed-in area draws the header and footer once", async ({ page }) => {
    await signInAs(page, ACCOUNTS.admin);
    await expectErrorPage(page, "/periods/2031-01", { status: 404, heading: NOT_FOUND, signedIn: true });
    await expectErrorPage(page, "/admin/users/nonexistent", { status: 404, heading: NOT_FOUND, signedIn: true });
  });

  test("a 403 inside the signed-in area draws the header and footer once", async ({ page }) => {
    await signInAs(page, ACCOUNTS.panel);
    await expectErrorPage(page, "/admin", { status: 403, heading: FORBIDDEN, signedIn: true });
  });

  test("an address that matches no page is a 404 page with the frame once", async ({ page }) => {
    await signInAs(page, ACCOUNTS.panel);
    await expectErrorPage(page, "/no-such-page", { status: 404, heading: NOT_FOUND, signedIn: true });
  });
});
