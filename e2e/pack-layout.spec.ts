// The published pack as the panel reads it, on screen, in the browser's print and as the PDF
// download: short (pages, height, bytes), complete (every indicator, chart and commentary
// sentence), with printed contents whose page numbers are where each part starts, and a key.
import { expect, test, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { ACCOUNTS, expectAccessible, signInAs } from "./fixtures";
import { query } from "./db";

const MONTH = "2019-07";
const norm = (s: string) => s.replace(/\s+/g, " ").trim();

async function indicatorNames(): Promise<string[]> {
  return (await query<{ name: string }>(`select name from "Indicator" where active order by name`)).map((r) => r.name);
}

/** Every sentence of July's published commentary, as a reader sees it (Markdown marks removed). */
async function commentarySentences(): Promise<string[]> {
  const rows = await query<{ body: string }>(`select c.body from "Commentary" c join "Period" p on p.id = c."periodId" where p.month = $1 and c.status = 'APPROVED'`, [MONTH]);
  expect(rows.length).toBeGreaterThan(0);
  return rows.flatMap((r) => r.body.split("\n"))
    .map((line) => line.replace(/^\s*[-*]\s+/, "").replace(/\*\*|__|\*|_/g, "").trim())
    .filter(Boolean)
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-Z])/))
    .map(norm);
}

type StructNode = { role?: string; alt?: string; children?: StructNode[] };

/** Every tag of the PDF's structure tree, page by page, with its alternative text. */
async function pdfTags(bytes: Buffer) {
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const tags: { role: string; alt?: string }[] = [];
  const walk = (n: StructNode) => { if (n.role) tags.push({ role: n.role, alt: n.alt }); (n.children ?? []).forEach(walk); };
  for (let i = 1; i <= doc.numPages; i++) walk((await (await doc.getPage(i)).getStructTree()) as StructNode);
  type Item = { title: string; items?: Item[] };
  const flat = (items: Item[]): string[] => items.flatMap((o) => [o.title, ...flat(o.items ?? [])]);
  const outline = flat(((await doc.getOutline()) ?? []) as Item[]);
  return { tags, outline };
}

async function pdfPages(bytes: Buffer) {
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(doc, { mergePages: false });
  return (text as string[]).map(norm);
}

async function asPanel(page: Page) {
  await page.context().clearCookies();
  await signInAs(page, ACCOUNTS.panel);
}

test.describe("the published July 2019 pack", () => {
  test("on screen: under 10,000 px at 1280 px wide, under 250 KB, no script, every indicator and chart, accessible", async ({ page }) => {
    await asPanel(page);
    const html = await (await page.request.get(`/packs/${MONTH}`)).text();
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(250 * 1024);
    expect(html).not.toMatch(/<script\b/i);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/packs/${MONTH}`);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(10_000);
    const names = await indicatorNames();
    expect(names.length).toBe(32);
    for (const name of names) {
      await expect(page.locator("table.app-pack-summary").getByRole("rowheader", { name, exact: true })).toHaveCount(1);
      await expect(page.locator(".app-chart__title", { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) })).toHaveCount(1);
    }
    // A chart's axis starts where its figures start, not 24 months back.
    await expect(page.locator("#chart-CONTACTS svg title")).toHaveText("Contacts received, April 2018 to July 2019");
    // A suppressed count has no empty chart, only words.
    await expect(page.locator("#chart-SGO_GRANTED")).toContainText("small number");
    await expect(page.locator("#chart-SGO_GRANTED svg")).toHaveCount(0);
    // Section rows head their own rows (rowgroup), not every column of the table.
    expect(await page.locator(".app-pack-summary .app-pack-table__section th").evaluateAll((ths) => ths.map((t) => t.getAttribute("scope")))).toEqual(["rowgroup", "rowgroup", "rowgroup", "rowgroup"]);
    // The key, in words.
    await expect(page.locator(".app-key")).toContainText("Short of target by more than the tolerance");
    await expectAccessible(page);
    await page.setViewportSize({ width: 375, height: 800 });
    await expectAccessible(page);
  });

  test("as a PDF: at most 12 A4 pages, contents numbered where each part starts, every indicator and commentary sentence", async ({ page }) => {
    test.setTimeout(120_000);
    await asPanel(page);
    const res = await page.request.get(`/packs/${MONTH}/pdf`, { timeout: 90_000 });
    expect(res.status()).toBe(200);
    const bytes = await res.body();
    const pages = await pdfPages(bytes);
    expect(pages.length).toBeLessThanOrEqual(12);

    // It reads right without sight: no /Strong (a PDF 2.0 tag a 1.4 file cannot map, so its words
    // are lost), an outline whose titles keep their spaces, and every chart's trend in its alt text.
    const { tags, outline } = await pdfTags(bytes);
    expect(tags.filter((t) => t.role === "Strong")).toEqual([]);
    expect(outline[0]).toBe("Children's Services Performance Overview: July 2019");
    expect(outline).toEqual(expect.arrayContaining(["Summary of indicators", "Exceptions", "1. Demand", "Definitions and sources"]));
    // Each chart is a Figure whose alt is its title and its trend in words (the <figure> around it is
    // a Figure too, named by its heading).
    const html = await (await page.request.get(`/packs/${MONTH}`)).text();
    const charts = (html.match(/<svg[^>]*class="app-chart-svg"/g) ?? []).length;
    expect(charts).toBeGreaterThanOrEqual(28);
    const described = tags.filter((t) => t.role === "Figure" && /^.+, \w+ \d{4} to \w+ \d{4} .*From .+ in \w+ \d{4} to .+; lowest .+, highest .+\./.test(t.alt ?? ""));
    expect(described.length).toBe(charts);
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);

    // Contents on the cover: "<entry> <page>", and that page is where the part's heading is.
    const cover = pages[0];
    const entries = ["Summary of indicators", "Exceptions", "1. Demand", "2. Timescales / Child protection", "3. Corporate parenting / Children looked after", "4. Care leavers", "Definitions and sources"];
    let previous = 1;
    for (const entry of entries) {
      const m = new RegExp(`${entry.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} (\\d+)`).exec(cover);
      expect(m, `contents entry "${entry}" with a page number in: ${cover}`).not.toBeNull();
      const n = Number(m![1]);
      expect(n).toBeGreaterThanOrEqual(previous);
      expect(pages[n - 1], `page ${n} starts "${entry}"`).toContain(entry);
      previous = n;
    }
    expect(cover).toContain("How to read this pack");
    expect(cover).toContain("Red Short of target by more than the tolerance");

    const all = pages.join(" ");
    for (const name of await indicatorNames()) expect(all, name).toContain(norm(name));
    for (const sentence of await commentarySentences()) expect(all, sentence).toContain(sentence);
    expect(all).toMatch(/Signed off by Sam Bullingham, Director, \d+ August 2019/);
  });

  test("printed from the browser: the same A4 layout, at most 12 pages, nothing overflowing its page", async ({ page }) => {
    await asPanel(page);
    await page.goto(`/packs/${MONTH}`);
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".govuk-service-navigation")).toBeHidden();
    await expect(page.locator(".app-pack-tools")).toBeHidden();
    expect(await page.locator(".app-pack-cover").evaluate((e) => getComputedStyle(e).breakAfter)).toBe("page");
    expect(await page.locator(".app-pack-table thead").first().evaluate((e) => getComputedStyle(e).display)).toBe("table-header-group");
    expect(await page.locator(".app-chart").first().evaluate((e) => getComputedStyle(e).breakInside)).toBe("avoid");
    // RAG tags are no taller than the table text around them.
    const tag = await page.locator(".app-pack-summary .govuk-tag").first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    const cell = await page.locator(".app-pack-summary td").first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(tag).toBeLessThanOrEqual(cell);
    // Nothing wider than the printed page (A4 less margins, in CSS px).
    await page.setViewportSize({ width: 718, height: 1000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
    const pages = await pdfPages(pdf);
    expect(pages.length).toBeLessThanOrEqual(12);
    expect(pages.join(" ")).toContain("Definitions and sources");
  });
});
