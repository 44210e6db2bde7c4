// Every page at 320 px (400% zoom of 1280), 640 px (200%) and desktop width: no page scrolls
// sideways (WCAG 1.4.10; wide tables scroll inside their own named, focusable region instead), axe
// finds nothing with the WCAG 2.2 AA rules at 320 px and at desktop width, chart text is at least
// 12 px, and every page has a title of its own. The pages are the app's own list of its routes
// (lib/security/app-routes.ts, checked against app/ by its unit test): each has a sample address
// here, and a page added without one fails the first test below. One visit per sample per width,
// each role signed in once.
// A11Y_SCREENSHOTS=<dir> also saves a full-page screenshot of each, to look at.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { PAGES } from "../lib/security/app-routes";
import { ACCOUNTS, DEMO_PASSWORD, axeViolations } from "./fixtures";
import { one, query } from "./db";

type Role = keyof typeof ACCOUNTS | "none";
type Visit = { name: string; role: Role; path: string | (() => string); title: RegExp; status?: number };

const MONTH = "2019-08";
const PANEL_MONTH = "2019-07"; // the demo's questions and recommendations are on July's pack
const IMPORT_MONTH = "2016-05";
const ANNEX_A_MONTH = "2020-03";
const ANNEX_A_SAMPLE = path.resolve(import.meta.dirname, "../prisma/seed/data/annex-a/sample-2020-03.xlsx");
const HISTORY_SAMPLE = path.resolve(import.meta.dirname, "../test/fixtures/history-24-months-libreoffice.xlsx");
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const INDICATOR = "CONTACTS";
const SECTION = "demand";
// Found or made in beforeAll: rows the demo has (or an upload makes) with ids of their own.
let annexAPeriodMade = false;
const ids = { batchUrl: "", annexAUrl: "", historyUrl: "", comparator: "", populationYear: 0, user: "", question: "", recommendation: "" };

/** A sample address for every page route, by route: its visits (the home page once per role). */
const SAMPLES: Record<string, Visit[]> = {
  "/": [
    { name: "administrator's home", role: "admin", path: "/", title: /^Home - / },
    { name: "service lead's home", role: "leadDemand", path: "/", title: /^Home - / },
    { name: "director's home", role: "director", path: "/", title: /^Home - / },
    { name: "panel member's home", role: "panel", path: "/", title: /^Home - / },
  ],
  "/accessibility": [{ name: "accessibility statement", role: "none", path: "/accessibility", title: /^Accessibility statement - / }],
  "/login": [{ name: "sign-in", role: "none", path: "/login", title: /^Sign in - / }],
  "/login/forgotten-password": [
    { name: "forgotten password", role: "none", path: "/login/forgotten-password", title: /^Forgotten your password - / },
  ],
  "/account/password": [{ name: "change password", role: "leadCare", path: "/account/password", title: /^Change your password - / }],
  "/account/two-step": [{ name: "two-step sign-in", role: "leadCare", path: "/account/two-step", title: /^Two-step sign-in - / }],
  "/admin": [{ name: "administration", role: "admin", path: "/admin", title: /^Administration - / }],
  "/admin/audit": [{ name: "audit log", role: "admin", path: "/admin/audit", title: /^Audit log - / }],
  "/admin/indicators": [{ name: "indicator catalogue", role: "admin", path: "/admin/indicators", title: /^Indicators - / }],
  "/admin/indicators/new": [{ name: "add an indicator", role: "admin", path: "/admin/indicators/new", title: /^Add an indicator - / }],
  "/admin/indicators/[code]": [
    { name: "indicator", role: "admin", path: `/admin/indicators/${INDICATOR}`, title: /CONTACTS - Scrutiny Pack - / },
  ],
  "/admin/indicators/[code]/target": [
    { name: "change the target", role: "admin", path: `/admin/indicators/${INDICATOR}/target`, title: /^Change the target: CONTACTS - / },
  ],
  "/admin/indicators/[code]/comparators/new": [
    {
      name: "add a comparator",
      role: "admin",
      path: `/admin/indicators/${INDICATOR}/comparators/new`,
      title: /^Add a comparator: CONTACTS - /,
    },
  ],
  "/admin/indicators/[code]/comparators/[id]": [
    { name: "change a comparator", role: "admin", path: () => ids.comparator, title: /^Change a comparator: / },
  ],
  "/admin/national": [{ name: "DfE national data", role: "admin", path: "/admin/national", title: /^DfE national data - / }],
  "/admin/national/links": [
    { name: "links to DfE measures", role: "admin", path: "/admin/national/links", title: /^Link indicators to DfE measures - / },
  ],
  "/admin/population": [{ name: "child population", role: "admin", path: "/admin/population", title: /^Child population - / }],
  "/admin/population/[year]/remove": [
    { name: "remove a year's population", role: "admin", path: () => `/admin/population/${ids.populationYear}/remove`, title: /^Remove / },
  ],
  "/admin/reminders": [{ name: "reminder emails", role: "admin", path: "/admin/reminders", title: /^Reminder emails - / }],
  "/admin/sections": [{ name: "sections", role: "admin", path: "/admin/sections", title: /^Sections - / }],
  "/admin/sections/new": [{ name: "add a section", role: "admin", path: "/admin/sections/new", title: /^Add a section - / }],
  "/admin/sections/[slug]": [{ name: "section settings", role: "admin", path: `/admin/sections/${SECTION}`, title: /^.+: section - / }],
  "/admin/users": [{ name: "users", role: "admin", path: "/admin/users", title: /^Users - / }],
  "/admin/users/new": [{ name: "add a user", role: "admin", path: "/admin/users/new", title: /^Add a user - / }],
  "/admin/users/[id]": [{ name: "user", role: "admin", path: () => `/admin/users/${ids.user}`, title: /^.+: user - / }],
  "/admin/users/[id]/deactivate": [
    { name: "deactivate account", role: "admin", path: () => `/admin/users/${ids.user}/deactivate`, title: /^Deactivate account: .+ - / },
  ],
  "/admin/users/[id]/reset-password": [
    { name: "reset password", role: "admin", path: () => `/admin/users/${ids.user}/reset-password`, title: /^Reset password: .+ - / },
  ],
  "/admin/users/[id]/role": [
    { name: "change role", role: "admin", path: () => `/admin/users/${ids.user}/role`, title: /^Change role: .+ - / },
  ],
  "/periods": [{ name: "periods", role: "admin", path: "/periods", title: /^Periods - / }],
  "/periods/calendar": [{ name: "panel dates", role: "admin", path: "/periods/calendar", title: /^Panel dates for the year - / }],
  "/periods/history-import": [
    { name: "history import", role: "admin", path: "/periods/history-import", title: /^Import figures for many months - / },
  ],
  "/periods/history-import/[batchId]": [
    { name: "history import preview", role: "admin", path: () => ids.historyUrl, title: /: import figures for many months - / },
  ],
  "/periods/[period]": [{ name: "period", role: "director", path: `/periods/${MONTH}`, title: /^August 2019 - / }],
  "/periods/[period]/import": [
    { name: "import values", role: "admin", path: `/periods/${MONTH}/import`, title: /^Import values for August 2019 - / },
  ],
  "/periods/[period]/import/[batchId]": [{ name: "import preview", role: "admin", path: () => ids.batchUrl, title: /^Error: / }],
  "/periods/[period]/import/annex-a": [
    {
      name: "Annex A upload",
      role: "admin",
      path: `/periods/${MONTH}/import/annex-a`,
      title: /^Compute figures from Annex A lists for August 2019 - /,
    },
  ],
  "/periods/[period]/import/annex-a/[batchId]": [
    { name: "Annex A preview", role: "admin", path: () => ids.annexAUrl, title: /: March 2020 - / },
  ],
  // Before the journey signs August off: the check pages say why the step cannot be taken yet.
  "/periods/[period]/publish": [
    {
      name: "check before publishing",
      role: "director",
      path: `/periods/${MONTH}/publish`,
      title: /^Check before you publish the August 2019 pack - /,
    },
  ],
  "/periods/[period]/questions": [
    {
      name: "questions from the panel",
      role: "director",
      path: `/periods/${PANEL_MONTH}/questions`,
      title: /^Questions from the panel, July 2019 - /,
    },
  ],
  "/periods/[period]/questions/[id]": [
    {
      name: "question from the panel",
      role: "director",
      path: () => `/periods/${PANEL_MONTH}/questions/${ids.question}`,
      title: /^Question from the panel, July 2019 - /,
    },
  ],
  "/periods/[period]/sections/[slug]": [
    { name: "section", role: "leadDemand", path: `/periods/${MONTH}/sections/${SECTION}`, title: /^[^,]+: commentary, August 2019 - / },
  ],
  "/periods/[period]/sections/[slug]/history": [
    {
      name: "section history",
      role: "leadDemand",
      path: `/periods/${PANEL_MONTH}/sections/${SECTION}/history`,
      title: /^[^,]+: commentary history, July 2019 - /,
    },
  ],
  "/periods/[period]/sign-off": [
    {
      name: "check before signing off",
      role: "director",
      path: `/periods/${MONTH}/sign-off`,
      title: /^Check before you sign off the August 2019 pack - /,
    },
  ],
  "/periods/[period]/values": [
    { name: "values grid", role: "admin", path: `/periods/${MONTH}/values`, title: /^Values for August 2019 - / },
  ],
  "/periods/[period]/values/[code]": [
    { name: "value detail", role: "admin", path: `/periods/${MONTH}/values/${INDICATOR}`, title: /^[^,]+: value history, August 2019 - / },
  ],
  "/recommendations": [{ name: "recommendations", role: "panel", path: "/recommendations", title: /^Recommendations - / }],
  "/recommendations/new": [
    { name: "record a recommendation", role: "admin", path: "/recommendations/new", title: /^Record a recommendation - / },
  ],
  "/recommendations/[id]": [
    { name: "recommendation", role: "panel", path: () => `/recommendations/${ids.recommendation}`, title: /^Recommendation: .+ - / },
  ],
  "/packs": [{ name: "pack list", role: "panel", path: "/packs", title: /^Published packs - / }],
  "/packs/[period]": [{ name: "pack", role: "panel", path: `/packs/${PANEL_MONTH}`, title: /^Performance pack, July 2019 - / }],
  "/packs/[period]/questions": [
    {
      name: "pack questions",
      role: "panel",
      path: `/packs/${PANEL_MONTH}/questions`,
      title: /^Questions from the panel, July 2019 pack - /,
    },
  ],
  "/packs/[period]/questions/new": [
    { name: "ask a question", role: "panel", path: `/packs/${PANEL_MONTH}/questions/new`, title: /^Ask a question, July 2019 pack - / },
  ],
};

/** Not routes of their own: what a refused or missing page looks like. */
const ERROR_VISITS: Visit[] = [
  { name: "403", role: "panel", path: "/admin", title: /^You do not have access - /, status: 403 },
  { name: "404", role: "admin", path: "/periods/2031-01", title: /^Page not found - /, status: 404 },
];

const VISITS: (Visit & { route?: string })[] = [
  ...Object.entries(SAMPLES).flatMap(([route, visits]) => visits.map((v) => ({ ...v, route }))),
  ...ERROR_VISITS,
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

test("every page route in lib/security/app-routes.ts has a sample address here, and every sample is a page route", () => {
  expect(
    Object.keys(PAGES).filter((route) => !SAMPLES[route]?.length),
    "page routes with no sample",
  ).toEqual([]);
  expect(
    Object.keys(SAMPLES).filter((route) => !(route in PAGES)),
    "samples of no page route",
  ).toEqual([]);
});

async function upload(context: BrowserContext, url: string, name: string, file: string, fields: Record<string, string> = {}) {
  const res = await context.request.post(url, {
    multipart: { file: { name, mimeType: XLSX, buffer: fs.readFileSync(file) }, ...fields },
    headers: { Accept: "application/json" },
    timeout: 60_000,
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { url: string }).url;
}

test.beforeAll(async ({ browser }, info) => {
  test.setTimeout(180_000);
  const baseURL = info.project.use.baseURL!;
  for (const role of new Set(VISITS.map((v) => v.role))) if (role !== "none") await signedInState(browser, baseURL, role);
  ids.comparator = await one<{ code: string; id: string }>(
    `select i.code, c.id from "Comparator" c join "Indicator" i on i.id = c."indicatorId" order by i.code, c.label limit 1`,
  ).then((c) => `/admin/indicators/${c.code}/comparators/${c.id}`);
  ids.populationYear = (await one<{ year: number }>(`select year from "ChildPopulation" order by year limit 1`)).year;
  ids.user = (await one<{ id: string }>(`select id from "User" where email = $1`, [ACCOUNTS.leadProtection])).id;
  ids.question = (
    await one<{ id: string }>(
      `select q.id from "PanelQuestion" q join "Period" p on p.id = q."periodId" where p.month = $1 order by q."askedAt" limit 1`,
      [PANEL_MONTH],
    )
  ).id;
  ids.recommendation = (await one<{ id: string }>(`select id from "Recommendation" order by "createdAt" limit 1`)).id;
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
  ids.batchUrl = ((await res.json()) as { url: string }).url;
  // Previews only (nothing is imported), removed again in afterAll; the Annex A sample is March 2020's.
  annexAPeriodMade =
    (
      await query(
        `insert into "Period" (id, month, "panelMeetingDate", "updatedAt") values (gen_random_uuid(), $1, '2020-04-23', now()) on conflict (month) do nothing returning id`,
        [ANNEX_A_MONTH],
      )
    ).length === 1;
  ids.annexAUrl = await upload(context, `/api/periods/${ANNEX_A_MONTH}/annex-a`, "annex-a.xlsx", ANNEX_A_SAMPLE, { asAt: "2020-03-31" });
  ids.historyUrl = await upload(context, "/api/history-imports", "scorecard.xlsx", HISTORY_SAMPLE);
  await context.close();
});

test.afterAll(async () => {
  const batchIds = [ids.annexAUrl, ids.historyUrl].map((u) => u.split("/").pop()).filter(Boolean);
  await query(`delete from "ImportBatch" where id = any($1::uuid[]) and status = 'PENDING'`, [batchIds]);
  await query(`delete from "Period" where month = $1`, [IMPORT_MONTH]);
  if (annexAPeriodMade) await query(`delete from "Period" where month = $1`, [ANNEX_A_MONTH]);
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
    test.setTimeout(1_200_000); // 6 to 8 minutes at 320 px on a shared, loaded 2-core machine (axe on 56 pages)
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
    const titles = new Map<string, string>(); // title -> the route that had it
    for (const visit of VISITS) {
      const started = Date.now();
      const page = await pageFor(visit.role);
      const url = typeof visit.path === "string" ? visit.path : visit.path();
      const res = await page.goto(url);
      expect.soft(res?.status(), `${visit.name}: status`).toBe(visit.status ?? 200);
      await page.waitForLoadState("load");
      await expect.soft(page, `${visit.name}: title`).toHaveTitle(visit.title);
      if (visit.route) {
        // Each page its own title: a screen reader announces it first, and tabs and history list pages by it.
        const title = await page.title();
        const other = titles.get(title);
        if (other !== undefined && other !== visit.route)
          expect.soft(title, `${visit.name}: the same title as ${other}`).toBe("a title of its own");
        else titles.set(title, visit.route);
      }
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
