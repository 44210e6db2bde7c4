// Sign-in through next-auth's API (fast, no form), the demo accounts, and the axe check.
import { expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const DEMO_PASSWORD = "scrutiny-demo";
export const ACCOUNTS = {
  admin: "admin@northbridge.example",
  leadDemand: "lead.demand@northbridge.example",
  leadProtection: "lead.protection@northbridge.example",
  leadCare: "lead.care@northbridge.example",
  director: "director@northbridge.example",
  panel: "panel@northbridge.example",
} as const;

export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD) {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: { email?: string } } | null;
  expect(session?.user?.email).toBe(email);
}

/**
 * What axe finds against WCAG 2.2 AA, one line per rule broken. Legacy mode runs axe.run() in the page
 * itself: the default finishes each run in a new blank page, for cross-origin frames, which these pages
 * do not have, at a cost of about a second a check (146 checks in the browser tests).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .setLegacyMode()
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** WCAG 2.2 AA, as axe checks it. */
export async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

/** Records CSP violations in the page (the init script is the browser's, so the policy does not apply to it). */
export async function watchViolations(page: Page) {
  const messages: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) messages.push(m.text());
  });
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return async () => [...messages, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
}

/**
 * After a workflow action: its result is a GOV.UK success banner that is announced (role="alert")
 * and has keyboard focus, so the user is not left on <body> (WCAG 2.4.3, 4.1.3).
 */
export async function expectResultFocused(page: Page, text: string | RegExp) {
  const banner = page.locator(".govuk-notification-banner--success[role=alert]", { hasText: text });
  await expect(banner).toBeVisible();
  await expect(banner).toBeFocused();
}
