// Security headers on pages, route handlers, redirects and static files, and pages that still work
// under the nonce'd Content-Security-Policy: scripts hydrate, no violations, axe passes.
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signInAs, watchViolations } from "./fixtures";

const STATIC = {
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  // The browser tests run the production build.
  "strict-transport-security": "max-age=31536000; includeSubDomains",
};

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

function expectSecurityHeaders(res: APIResponse, { nonce }: { nonce: boolean }) {
  const headers = res.headers();
  for (const [name, value] of Object.entries(STATIC)) expect(headers[name], `${name} on ${res.url()}`).toBe(value);
  expect(headers["permissions-policy"]).toContain("camera=()");
  const policy = headers["content-security-policy"];
  expect(policy, `Content-Security-Policy on ${res.url()}`).toBeTruthy();
  expect(policy).not.toContain("unsafe-eval");
  const d = directives(policy);
  expect(d.get("default-src")).toEqual(["'self'"]);
  expect(d.get("frame-ancestors")).toEqual(["'none'"]);
  expect(d.get("object-src")).toEqual(["'none'"]);
  expect(d.get("base-uri")).toEqual(["'self'"]);
  expect(d.get("form-action")).toEqual(["'self'"]);
  expect(d.get("img-src")).toEqual(["'self'", "data:"]);
  expect(d.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  const script = d.get("script-src") ?? [];
  expect(script).not.toContain("'unsafe-inline'");
  if (nonce) expect(script.some((s) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(s))).toBe(true);
  return script.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
}

/** React hydrated: Next's client bootstrap ran, which it cannot without the nonce. */
const expectHydrated = (page: Page) => page.waitForFunction(() => typeof (window as unknown as { next?: object }).next === "object");

test.describe("security headers", () => {
  test("a page, a route handler, a redirect, a file download and a static asset carry them", async ({ page }) => {
    const login = await page.request.get("/login");
    expect(login.status()).toBe(200);
    const nonce = expectSecurityHeaders(login, { nonce: true });
    // Next puts the same nonce on its own inline scripts.
    const html = await login.text();
    const scriptNonces = [...html.matchAll(/<script\b[^>]*\bnonce="([^"]+)"/g)].map((m) => m[1]);
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    expect(html.match(/<script\b(?![^>]*\bnonce=)/g) ?? []).toEqual([]);
    // A fresh nonce on every response.
    expect(expectSecurityHeaders(await page.request.get("/login"), { nonce: true })).not.toBe(nonce);

    expectSecurityHeaders(await page.request.get("/api/health"), { nonce: true });
    const redirect = await page.request.get("/periods", { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expectSecurityHeaders(redirect, { nonce: true });
    const unauthorised = await page.request.get("/api/packs/2019-07/export/csv");
    expect(unauthorised.status()).toBe(401);
    expectSecurityHeaders(unauthorised, { nonce: true });

    const asset = html.match(/\/_next\/static\/[^"']+\.(?:js|css)/)?.[0];
    expect(asset).toBeTruthy();
    const staticRes = await page.request.get(asset!);
    expect(staticRes.status()).toBe(200);
    expectSecurityHeaders(staticRes, { nonce: false });

    await signInAs(page, ACCOUNTS.panel);
    const csv = await page.request.get("/packs/2019-07.csv");
    expect(csv.status()).toBe(200);
    expectSecurityHeaders(csv, { nonce: true });
  });

  test("the home page, a section's commentary editor and the pack work under the policy, with no violations", async ({ page }) => {
    const violations = await watchViolations(page);
    await signInAs(page, ACCOUNTS.leadDemand);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectHydrated(page);
    await expectAccessible(page);

    await page.goto("/periods/2019-08/sections/demand");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectHydrated(page);
    // The client editor answers typing (React handlers run only if its scripts were allowed).
    const editor = page.getByRole("textbox").first();
    await expect(editor).toBeEditable();
    await expectAccessible(page);

    await page.context().clearCookies();
    await signInAs(page, ACCOUNTS.panel);
    await page.goto("/packs/2019-07");
    // A published pack may be served from stored HTML without any script, so only its rendering is checked.
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator("table").first()).toBeVisible();
    await expectAccessible(page);

    expect(await violations()).toEqual([]);
  });

  test("a violation would be seen: injected markup's inline handler is refused", async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto("/login");
    await expectHydrated(page);
    // The classic stored-XSS shape: markup with an event handler attribute.
    await page.evaluate(() => {
      const div = document.createElement("div");
      div.innerHTML = '<img src="/no-such-image.png" onerror="window.__injected = true">';
      document.body.append(div);
    });
    await expect.poll(violations).not.toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  });
});
