// The published pack as the panel reads it, on screen, in the browser's print and as the PDF
// download: short (pages, height, bytes), complete (every indicator, chart and commentary
// sentence), with printed contents whose page numbers are where each part starts, and a key.
import { expect, test, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { ACCOUNTS, expectAccessible, signInAs } from "./fixtures";
import { query } from "./db";
import fs from "node:fs";
import path from "node:path";
import { PACK_GLOSSARY } from "@/lib/pack/render/glossary";

const MONTH = "2019-07";
const norm = (s: string) => s.replace(/\s+/g, " ").trim();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Keeps a file for a person to look at, when PACK_PRINT_DIR names a folder. */
function keep(name: string, body: string | Buffer) {
  const dir = process.env.PACK_PRINT_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name), body);
}
/** The pack's text without the abbreviations it writes out at first use ("MASH (multi-agency ...)"). */
const withoutSpelledOut = (s: string) =>
  PACK_GLOSSARY.flatMap((e) => [e.spelledOut, e.plural?.spelledOut]).reduce<string>(
    (text, words) => (words ? text.replaceAll(` (${words})`, "") : text),
    s,
  );

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
    // closer spacing under tables, to 9,791 px (issue 25 asks for at most 10,000 at 1280 px wide); issue
    // 26's words (movement spelled out under this month's figure, a glossary, names in full) to 10,894;
    // each change in a column of its own with the figure it is from, and 20 px between parts, to 9,990 px.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(10_000);
    const names = await indicatorNames();
    expect(names.length).toBe(32);
    // The summary is where most abbreviations are first used, so a word in a name may be followed by
    // its meaning: "ICPCs (initial child protection conferences) within 15 working days".
    const summaryRows = (await page.locator("table.app-pack-summary").getByRole("rowheader").allTextContents()).map((t) =>
      withoutSpelledOut(t.trim()),
    );
    for (const name of names) {
      expect(summaryRows.filter((row) => row === name)).toHaveLength(1);
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
    // Issue 26: the key explains RAG, the dash and a target of None; a glossary is its own part; each
    // abbreviation is written out where first used; authors are named in full; one way of saying movement.
    await expect(page.locator(".app-pack-key")).toContainText("RAG (red, amber, green)");
    await expect(page.locator(".app-key")).toContainText("(a dash)");
    await expect(page.locator(".app-key")).toContainText("Target: None");
    await expect(page.locator(".app-toc")).toContainText("Glossary");
    const glossary = page.locator(".app-pack-glossary");
    for (const term of ["MASH", "ICPC", "CP", "LAC", "Statistical neighbours", "Tolerance", "JSON with its hash", "RAG"])
      await expect(glossary.locator("dt", { hasText: new RegExp(`^${escapeRe(term)}\\b`) })).toHaveCount(1);
    await expect(page.locator(".app-pack-summary")).toContainText("MASH (multi-agency safeguarding hub)");
    expect(await page.locator(".app-pack").evaluate((e) => (e.textContent ?? "").split("(multi-agency safeguarding hub)").length - 1)).toBe(
      1,
    );
    await expect(page.locator(".app-pack-commentary abbr")).toHaveCount(0);
    for (const by of await page.locator(".app-pack-commentary__by").allTextContents())
      expect(by).toMatch(/^Commentary by [A-Z][a-z]+ [A-Z][\w'-]+/);
    const movements = await page.locator(".app-pack .app-travel").allTextContents();
    expect(movements.length).toBeGreaterThan(50);
    for (const m of movements) expect(norm(m)).toMatch(/^[▲▼►] (Up|Down|About the same)\b/);
    expect(movements.join(" ")).not.toMatch(/Improved|Worse|\(0%\)|[+-]0\.0%/);
    // Each change sits beside this month's figure under a heading that says since when, with the figure
    // it was measured from ("▼ Down 1.9 percentage points, worse (was 92.4%)"), never under last month's.
    const detail = page.locator(".app-pack-detail").first();
    await expect(detail.locator("thead th")).toHaveText([
      "Indicator",
      "Jul 2019",
      "Since Jun 2019",
      "Since Jul 2018",
      "Target",
      "RAG",
      "Comparators",
    ]);
    await expect(detail.locator("tbody td:nth-child(2) .app-travel")).toHaveCount(0);
    await expect(page.locator("#ind-MASH_24H_PCT").locator("xpath=..").locator("td").nth(1)).toHaveText(
      /^▼ Down 1\.9 percentage points, worse \(was 92\.4%\)$/,
    );
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

  test("as a PDF: at most 14 A4 pages, contents numbered where each part starts, every indicator and commentary sentence", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await asPanel(page);
    const res = await page.request.get(`/packs/${MONTH}/pdf`, { timeout: 90_000 });
    expect(res.status()).toBe(200);
    const bytes = await res.body();
    // Kept (PACK_PRINT_DIR) to measure its print (pdftotext -bbox-layout) and look at its pages.
    keep("pack.pdf", bytes);
    keep("pack.html", await (await page.request.get(`/packs/${MONTH}`)).text());
    const pages = await pdfPages(bytes);
    // 12 with 6 to 8 pt print; issue 26 asks for at most 14 with its sizes (tables 9 pt, commentary
    // 11 pt, chart labels 8 pt and more): 13, with three charts a row and their labels drawn larger.
    expect(pages.length).toBeLessThanOrEqual(14);

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
      "Glossary",
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
    const plain = withoutSpelledOut(all);
    for (const sentence of await commentarySentences()) expect(plain, sentence).toContain(sentence);
    expect(all).toContain("Glossary");
    expect(all).toContain("MASH (multi-agency safeguarding hub)");
    expect(all).toMatch(/Signed off by Sam Bullingham, Director, \d+ August 2019/);
  });

  test("printed from the browser: the same A4 layout, at most 14 pages, type a councillor can read, nothing overflowing its page", async ({
    page,
  }) => {
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
    // Issue 26: at the printed page's width, no text under 8 pt (chart labels included, at the SVG's
    // scale), table text 9 pt or more, commentary 11 pt, and grey text at least 4.5:1 on white.
    const sizes = await page.evaluate(() => {
      const PT = 96 / 72;
      const luminance = (rgb: number[]) =>
        rgb
          .map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4))
          .reduce((a, c, i) => a + c * [0.2126, 0.7152, 0.0722][i], 0);
      const out = { text: 99, table: 99, commentary: 99, chart: 99, definitions: 99, contrast: 99, small: [] as string[] };
      const walker = document.createTreeWalker(document.querySelector(".app-pack")!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (!n.textContent?.trim() || el.closest(".govuk-visually-hidden, [aria-hidden='true'] title, title, desc")) continue;
        if (el.closest("details:not([open]) > :not(summary)") && !el.closest(".app-definitions__section")) continue;
        const style = getComputedStyle(el);
        if (style.display === "none" || style.visibility === "hidden" || (el.offsetParent === null && !el.closest("svg"))) continue;
        const svg = el.closest("svg");
        const size = svg
          ? (parseFloat(style.fontSize) * svg.getBoundingClientRect().width) / svg.viewBox.baseVal.width / PT
          : parseFloat(style.fontSize) / PT;
        const kind = svg
          ? "chart"
          : el.closest("table")
            ? "table"
            : el.closest(".app-pack-commentary p, .app-pack-commentary li")
              ? "commentary"
              : el.closest(".app-definitions")
                ? "definitions"
                : "text";
        out[kind] = Math.min(out[kind], size);
        if (size < 8 && out.small.length < 5) out.small.push(`${size.toFixed(1)}pt: ${n.textContent.trim().slice(0, 40)}`);
        const rgb = (style.fill && svg ? style.fill : style.color)
          .match(/\d+(\.\d+)?/g)!
          .slice(0, 3)
          .map(Number);
        out.contrast = Math.min(out.contrast, 1.05 / (luminance(rgb) + 0.05));
      }
      return out;
    });
    keep("print-sizes.json", JSON.stringify(sizes, null, 2));
    expect(sizes.small, "printed text under 8 pt").toEqual([]);
    expect(Math.min(sizes.text, sizes.chart, sizes.definitions)).toBeGreaterThanOrEqual(8);
    expect(sizes.table).toBeGreaterThanOrEqual(9);
    expect(sizes.commentary).toBeGreaterThanOrEqual(11);
    expect(sizes.contrast).toBeGreaterThanOrEqual(4.5);
    // "Commentary by ..." is kept with its commentary, and a section's short table is never split.
    expect(
      await page
        .locator(".app-pack-commentary")
        .first()
        .evaluate((e) => getComputedStyle(e).breakInside),
    ).toBe("avoid");
    const short = await page
      .locator(".app-pack-detail")
      .evaluateAll((tables) =>
        tables.filter((t) => t.querySelectorAll("tbody > tr").length <= 6).map((t) => getComputedStyle(t).breakInside),
      );
    expect(short.length).toBeGreaterThan(0);
    expect(short.every((b) => b === "avoid")).toBe(true);
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
    keep("browser-print.pdf", pdf);
    const pages = await pdfPages(pdf);
    expect(pages.length).toBeLessThanOrEqual(14);
    expect(pages.join(" ")).toContain("Definitions and sources");
  });
});
