// Every page type at 320 px (400% zoom of 1280), 640 px (200%) and desktop width: no page scrolls
// sideways (WCAG 1.4.10; wide tables scroll inside their own named, focusable region instead), axe
// finds nothing with the WCAG 2.2 AA rules at 320 px and at desktop width, chart text is at least
// 12 px, and each page has its own title. One visit per page per width, each role signed in once.
// A11Y_SCREENSHOTS=<dir> also saves a full-page screenshot of each, to look at.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, axeViolations } from "./fixtures";
import { one, query } from "./db";

type Role = keyof typeof ACCOUNTS | "none";
type Visit = { name: string; role: Role; path: string | (() => string); title: RegExp; status?: number };

const MONTH = "2019-08";
const IMPORT_MONTH = "2016-05";
let batchUrl = "";
let indicatorCode = "";

const VISITS: Visit[] = [
  { name: "administrator's home", role: "admin", path: "/", title: /^Home - / },
  { name: "service lead's home", role: "leadDemand", path: "/", title: /^Home - / },
  { name: "director's home", role: "director", path: "/", title: /^Home - / },
  { name: "panel member's home", role: "panel", path: "/", title: /^Home - / },
  { name: "periods", role: "admin", path: "/periods", title: /^Periods - / },
  { name: "period", role: "director", path: `/periods/${MONTH}`, title: /^August 2019 - / },
  { name: "values grid", role: "admin", path: `/periods/${MONTH}/values`, title: /August 2019/ },
  { name: "value detail", role: "admin", path: () => `/periods/${MONTH}/values/${indicatorCode}`, title: /August 2019/ },
  { name: "import preview", role: "admin", path: () => batchUrl, title: /^Error: / },
  {
    name: "Annex A upload",
    role: "admin",
    path: `/periods/${MONTH}/import/annex-a`,
    title: /^Compute figures from Annex A lists for August 2019 - /,
  },
  { name: "section", role: "leadDemand", path: `/periods/${MONTH}/sections/demand`, title: /^Section commentary, August 2019 - / },
  { name: "section history", role: "leadDemand", path: "/periods/2019-07/sections/demand/history", title: /^Commentary history - / },
  { name: "pack list", role: "panel", path: "/packs", title: /^Published packs - / },
  { name: "pack", role: "panel", path: "/packs/2019-07", title: /^Performance pack, July 2019 - / },
  { name: "indicator catalogue", role: "admin", path: "/admin/indicators", title: /^Indicators - / },
  { name: "indicator", role: "admin", path: () => `/admin/indicators/${indicatorCode}`, title: / - Scrutiny Pack - / },
  { name: "child population", role: "admin", path: "/admin/population", title: /^Child population - / },
  { name: "users", role: "admin", path: "/admin/users", title: /^Users - / },
  { name: "audit log", role: "admin", path: "/admin/audit", title: /^Audit log - / },
  { name: "sign-in", role: "none", path: "/login", title: /^Sign in - / },
  { name: "403", role: "panel", path: "/admin", title: /^You do not have access - /, status: 403 },
  { name: "404", role: "admin", path: "/periods/2031-01", title: /^Page not found - /, status: 404 },
  { name: "accessibility statement", role: "none", path: "/accessibility", title: /^Accessibility statement - / },
];

const WIDTHS = [
  { width: 320, axe: true, reflow: true },
  { width: 640, axe: false, reflow: true },
  { width: 1280, axe: true, reflow: false },
];

const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "scrutiny-a11y-"));
const statePath = (role: Role) => path.join(stateDir, `${role}.json`);

async function signedInState(browser: Browser, baseURL: string, role: Exclude<Role, "none">) {
  const context = await browser.newContext({ baseURL });
  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await context.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: ACCOUNTS[role], password: DEMO_PASSWORD, json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
  await context.storageState({ path: statePath(role) });
  await context.close();
}

test.beforeAll(async ({ browser }, info) => {
  const baseURL = info.project.use.baseURL!;
  for (const role of new Set(VISITS.map((v) => v.role))) if (role !== "none") await signedInState(browser, baseURL, role);
  indicatorCode = (await one<{ code: string }>(`select code from "Indicator" where code = 'CONTACTS'`)).code;
  // An import preview with a row in error and rows to import, in a month nobody else uses.
  await query(
    `insert into "Period" (id, month, "panelMeetingDate", "updatedAt") values (gen_random_uuid(), $1, '2016-06-23', now()) on conflict (month) do nothing`,
    [IMPORT_MONTH],
  );
  const context = await browser.newContext({ baseURL, storageState: statePath("admin") });
  const csv = "code,value\nCONTACTS,1337\nREFERRALS,412\nNO_SUCH_CODE,5\n";
  const res = await context.request.post(`/api/periods/${IMPORT_MONTH}/imports`, {
    multipart: { file: { name: "values.csv", mimeType: "text/csv", buffer: Buffer.from(csv) } },
    headers: { Accept: "application/json" },
  });
  expect(res.status(), await res.text()).toBe(201);
  batchUrl = ((await res.json()) as { url: string }).url;
  await context.close();
});

test.afterAll(async () => {
  await query(`delete from "Period" where month = $1`, [IMPORT_MONTH]);
  fs.rmSync(stateDir, { recursive: true, force: true });
});

/** What sticks out sideways: the page's width, and the elements wider than the viewport, by selector. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const wide = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 && !el.closest(".app-scroll-region"))
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${[...el.classList].join(".")} (right ${Math.round(el.getBoundingClientRect().right)})`,
      );
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  });
}

/** The smallest chart text as drawn on screen, in CSS px (SVG text scales with its viewBox). */
async function smallestChartText(page: Page) {
  return page.evaluate(() => {
    const sizes = [...document.querySelectorAll<SVGTextElement>(".app-chart svg text")]
      .filter((t) => t.getClientRects().length && t.textContent?.trim())
      .map((t) => {
        const scale = t.getScreenCTM()?.a ?? 1;
        return parseFloat(getComputedStyle(t).fontSize) * scale;
      });
    return sizes.length ? Math.min(...sizes) : null;
  });
}

// The three widths are independent: two workers can take them at once.
test.describe.configure({ mode: "parallel" });

for (const { width, axe, reflow } of WIDTHS) {
  test(`every page type at ${width} px: ${[reflow && "no sideways scrolling", axe && "axe WCAG 2.2 AA"].filter(Boolean).join(", ")}, chart text at least 12 px`, async ({
    browser,
  }, info) => {
    test.setTimeout(480_000); // 3 to 4 minutes at 320 px on a shared, loaded 2-core machine (axe on 21 pages)
    const baseURL = info.project.use.baseURL;
    const contexts = new Map<Role, BrowserContext>();
    const pageFor = async (role: Role) => {
      let context = contexts.get(role);
      if (!context) {
        context = await browser.newContext({
          baseURL,
          viewport: { width, height: 900 },
          storageState: role === "none" ? undefined : statePath(role),
        });
        contexts.set(role, context);
      }
      return context.pages()[0] ?? context.newPage();
    };
    const shots = process.env.A11Y_SCREENSHOTS;
    for (const visit of VISITS) {
      const started = Date.now();
      const page = await pageFor(visit.role);
      const url = typeof visit.path === "string" ? visit.path : visit.path();
      const res = await page.goto(url);
      expect.soft(res?.status(), `${visit.name}: status`).toBe(visit.status ?? 200);
      await page.waitForLoadState("load");
      await expect.soft(page, `${visit.name}: title`).toHaveTitle(visit.title);
      if (reflow) {
        const o = await overflow(page);
        expect
          .soft(o.scrollWidth, `${visit.name} at ${width} px scrolls sideways: ${o.wide.join(", ")}`)
          .toBeLessThanOrEqual(o.clientWidth);
      }
      if (axe) {
        expect.soft(await axeViolations(page), `${visit.name} at ${width} px: axe`).toEqual([]);
      }
      expect
        .soft(
          await page.locator("footer a[href='/accessibility']").count(),
          `${visit.name}: the footer links to the accessibility statement`,
        )
        .toBe(1);
      if (visit.path === "/accessibility") {
        // The GOV.UK model statement's parts, and what was tested, how, and what does not meet the standard.
        for (const heading of [
          "How accessible this service is",
          "Compliance status",
          "Non-accessible content",
          "Non-compliance with the accessibility regulations",
          "Preparation of this accessibility statement",
        ]) {
          await expect.soft(page.getByRole("heading", { name: heading })).toBeVisible();
        }
        await expect
          .soft(page.locator("main"))
          .toContainText("partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard");
      }
      // Every scroll region is focusable and named.
      const regions = await page.locator(".app-scroll-region").evaluateAll((els) =>
        els.map((el) => ({
          tabIndex: el.getAttribute("tabindex"),
          role: el.getAttribute("role"),
          named: Boolean(el.getAttribute("aria-label") || el.getAttribute("aria-labelledby")),
        })),
      );
      for (const r of regions) expect.soft(r, `${visit.name}: a scroll region`).toEqual({ tabIndex: "0", role: "region", named: true });
      const chartText = await smallestChartText(page);
      if (chartText !== null) expect.soft(chartText, `${visit.name} at ${width} px: smallest chart text (px)`).toBeGreaterThanOrEqual(12);
      if (shots) {
        fs.mkdirSync(shots, { recursive: true });
        await page.screenshot({ path: path.join(shots, `${visit.name.replace(/[^a-z0-9]+/gi, "-")}-${width}.png`), fullPage: true });
      }
      if (process.env.A11Y_TIMING) console.log(`${width} px ${visit.name}: ${Date.now() - started} ms`);
    }
    for (const c of contexts.values()) await c.close();
  });
}
