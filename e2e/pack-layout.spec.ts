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
  const rows = await query<{ body: string }>(
    `select c.body from "Commentary" c join "Period" p on p.id = c."periodId" where p.month = $1 and c.status = 'APPROVED'`,
    [MONTH],
  );
  expect(rows.length).toBeGreaterThan(0);
  return rows
    .flatMap((r) => r.body.split("\n"))
    .map((line) =>
      line
        .replace(/^\s*[-*]\s+/, "")
        .replace(/\*\*|__|\*|_/g, "")
        .trim(),
    )
    .filter(Boolean)
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-Z])/))
    .map(norm);
}

type StructNode = { role?: string; alt?: string; children?: StructNode[] };

/** Every tag of the PDF's structure tree, page by page, with its alternative text. */
async function pdfTags(bytes: Buffer) {
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const tags: { role: string; alt?: string }[] = [];
  const walk = (n: StructNode) => {
    if (n.role) tags.push({ role: n.role, alt: n.alt });
    (n.children ?? []).forEach(walk);
  };
  for (let i = 1; i <= doc.numPages; i++) walk((await (await doc.getPage(i)).getStructTree()) as StructNode);
  type Item = { title: string; items?: Item[] };
  const flat = (items: Item[]): string[] => items.flatMap((o) => [o.title, ...flat(o.items ?? [])]);
  const outline = flat((await doc.getOutline()) ?? []);
  return { tags, outline };
}

type TextItem = { type?: string; id?: string; str?: string };

/**
 * The PDF's tag tree with each element's text (read through its marked content), and the text on
 * the pages that no tag holds. Text outside the tree is lost to a screen reader.
 */
async function pdfTaggedText(bytes: Buffer) {
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const elements: { role: string; text: string }[] = [];
  const tables: number[][] = []; // the number of cells in each row of each table
  const untagged: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const marked = new Map<string, string>();
    const open: (string | null)[] = [];
    for (const item of content.items as TextItem[]) {
      if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") {
        open.push(item.id ?? null);
        continue;
      }
      if (item.type === "endMarkedContent") {
        open.pop();
        continue;
      }
      const id = open.findLast((x) => x !== null);
      if (id) marked.set(id, (marked.get(id) ?? "") + (item.str ?? ""));
      else untagged.push(item.str ?? "");
    }
    const referenced = new Set<string>();
    type Node = { role?: string; type?: string; id?: string; children?: Node[] };
    const textOf = (n: Node): string => {
      if (n.type === "content" && n.id) {
        referenced.add(n.id);
        return marked.get(n.id) ?? "";
      }
      return (n.children ?? []).map(textOf).join(" ");
    };
    const walk = (n: Node) => {
      if (n.role) elements.push({ role: n.role, text: norm(textOf(n)) });
      if (n.role === "Table") {
        const rows: Node[] = [];
        const collect = (m: Node) => (m.role === "TR" ? rows.push(m) : (m.children ?? []).forEach(collect));
        (n.children ?? []).forEach(collect);
        tables.push(rows.map((r) => (r.children ?? []).filter((c) => c.role === "TH" || c.role === "TD").length));
      }
      (n.children ?? []).forEach(walk);
    };
    walk(await page.getStructTree());
    for (const [id, text] of marked) if (!referenced.has(id)) untagged.push(text);
  }
  return { elements, tables, untagged: untagged.map(norm).filter(Boolean) };
}

async function pdfPages(bytes: Buffer) {
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(doc, { mergePages: false });
  return text.map(norm);
}

async function asPanel(page: Page) {
  await page.context().clearCookies();
  await signInAs(page, ACCOUNTS.panel);
}

test.describe("the published July 2019 pack", () => {
  test("on screen: at most 10,000 px at 1280 px wide, under 250 KB, no script, every indicator and chart, accessible", async ({ page }) => {
    // Two axe passes over the whole 32-indicator pack: over a minute on a busy 2-core machine.
    test.setTimeout(150_000);
    await asPanel(page);
    const html = await (await page.request.get(`/packs/${MONTH}`)).text();
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(250 * 1024);
    expect(html).not.toMatch(/<script\b/i);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/packs/${MONTH}`);
    // 9,356 px after the redesign; DfE's comparators (three lines for each of 13 linked indicators) and
    // the actions on exceptions took it to 10,284 px; the addendum of the panel's three answered
    // questions and its line in the amendment log, to 11,743 px (the signed-off pack itself is unchanged);
    // issue 25's spacing, two-column key and questions, one-line comparators and shorter charts, to 10,286 px;
    // column plans for the exceptions and section tables, a contents list only as wide as its entries and
    // closer spacing under tables, to 9,791 px (issue 25 asks for at most 10,000 at 1280 px wide).
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(10_000);
    const names = await indicatorNames();
    expect(names.length).toBe(32);
    for (const name of names) {
      await expect(page.locator("table.app-pack-summary").getByRole("rowheader", { name, exact: true })).toHaveCount(1);
      await expect(
        page.locator(".app-chart__title", { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) }),
      ).toHaveCount(1);
    }
    // A chart's axis starts where its figures start, not 24 months back.
    await expect(page.locator("#chart-CONTACTS svg title")).toHaveText("Contacts received, April 2018 to July 2019");
    // A suppressed count has no empty chart, only words.
    await expect(page.locator("#chart-SGO_GRANTED")).toContainText("small number");
    await expect(page.locator("#chart-SGO_GRANTED svg")).toHaveCount(0);
    // Section rows head their own rows (rowgroup), not every column of the table.
    expect(
      await page.locator(".app-pack-summary .app-pack-table__section th").evaluateAll((ths) => ths.map((t) => t.getAttribute("scope"))),
    ).toEqual(["rowgroup", "rowgroup", "rowgroup", "rowgroup"]);
    // The key, in words.
    await expect(page.locator(".app-key")).toContainText("Short of target by more than the tolerance");
    await expectAccessible(page);
    await page.setViewportSize({ width: 375, height: 800 });
    // On a phone the section tables scroll sideways; the comparators keep room for a few words a line
    // (the browser squeezed them to 110 px, nine lines a row).
    expect(
      await page
        .locator(".app-pack-detail td:last-child")
        .first()
        .evaluate((td) => td.getBoundingClientRect().width),
    ).toBeGreaterThanOrEqual(230);
    await expectAccessible(page);
  });

  test("as a PDF: at most 12 A4 pages, contents numbered where each part starts, every indicator and commentary sentence", async ({
    page,
  }) => {
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
    // Every word and figure on the pages is in the tag tree, so the bold figures, the RAG words and
    // the commentary's bold words are read out too. Outside it: the running title and page numbers in
    // the margins, and the arrows and dashes (aria-hidden, their meaning is in words beside them).
    const tagged = await pdfTaggedText(bytes);
    const runningTitle = /^.+: Children's Services Performance Overview, July 2019$/;
    expect(tagged.untagged.filter((t) => /[\p{L}\p{N}]/u.test(t) && !/^Page \d+ of \d+$/.test(t) && !runningTitle.test(t))).toEqual([]);
    // Every row of every table has all its cells in the tags (a section's heading row has one), so
    // each cell is read under its own column's header: an empty cell would drop out and shift the rest.
    for (const rows of tagged.tables) {
      const full = Math.max(...rows);
      expect(
        rows.filter((n) => n !== full && n !== 1),
        `rows of a ${full}-column table with cells missing`,
      ).toEqual([]);
    }
    const cells = tagged.elements.filter((e) => e.role === "TD" || e.role === "TH").map((e) => e.text);
    for (const rag of ["Red", "Amber", "Green"]) expect(cells.filter((t) => t === rag).length, `${rag} in table cells`).toBeGreaterThan(0);
    // The bold figures (<b>, the comparators' values) are in the table cells' tags.
    const html = await (await page.request.get(`/packs/${MONTH}`)).text();
    const bold = [...html.matchAll(/<b>([^<]+)<\/b>/g)].map((m) => norm(m[1]));
    expect(bold.length).toBeGreaterThan(10);
    const cellText = cells.join(" | ");
    for (const figure of new Set(bold)) expect(cellText, `bold ${figure} in a table cell's tag`).toContain(figure);
    expect(outline[0]).toBe("Children's Services Performance Overview: July 2019");
    expect(outline).toEqual(expect.arrayContaining(["Summary of indicators", "Exceptions", "1. Demand", "Definitions and sources"]));
    // Each chart is a Figure whose alt is its title and its trend in words (the <figure> around it is
    // a Figure too, named by its heading).
    const charts = (html.match(/<svg[^>]*class="app-chart-svg"/g) ?? []).length;
    expect(charts).toBeGreaterThanOrEqual(28);
    const described = tags.filter(
      (t) => t.role === "Figure" && /^.+, \w+ \d{4} to \w+ \d{4} .*From .+ in \w+ \d{4} to .+; lowest .+, highest .+\./.test(t.alt ?? ""),
    );
    expect(described.length).toBe(charts);
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);

    // Contents on the cover: "<entry> <page>", and that page is where the part's heading is.
    const cover = pages[0];
    const entries = [
      "Summary of indicators",
      "Exceptions",
      "1. Demand",
      "2. Timescales / Child protection",
      "3. Corporate parenting / Children looked after",
      "4. Care leavers",
      "Definitions and sources",
    ];
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
    expect(
      await page
        .locator(".app-pack-table thead")
        .first()
        .evaluate((e) => getComputedStyle(e).display),
    ).toBe("table-header-group");
    expect(
      await page
        .locator(".app-chart")
        .first()
        .evaluate((e) => getComputedStyle(e).breakInside),
    ).toBe("avoid");
    // RAG tags are no taller than the table text around them.
    const tag = await page
      .locator(".app-pack-summary .govuk-tag")
      .first()
      .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    const cell = await page
      .locator(".app-pack-summary td")
      .first()
      .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(tag).toBeLessThanOrEqual(cell);
    // "Action open" / "Recommendation open" print no larger than the indicator name they mark, and
    // without the screen's 24 px target height.
    const marker = await page
      .locator(".app-pack-detail .app-pack-marker")
      .first()
      .evaluate((m) => {
        const own = getComputedStyle(m);
        return { size: parseFloat(own.fontSize), name: parseFloat(getComputedStyle(m.closest("th")!).fontSize), minHeight: own.minHeight };
      });
    expect(marker.size).toBeLessThanOrEqual(marker.name);
    expect(marker.minHeight).toBe("0px");
    // The comparators print in the table's size, not the screen's 14 px (larger than every other figure).
    const comparators = await page
      .locator(".app-pack-detail tbody tr")
      .first()
      .evaluate((tr) => ({
        own: parseFloat(getComputedStyle(tr.lastElementChild!).fontSize),
        name: parseFloat(getComputedStyle(tr.firstElementChild!).fontSize),
      }));
    expect(comparators.own).toBeLessThanOrEqual(comparators.name);
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
