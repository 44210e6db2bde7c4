// Downloads of a published pack (July 2019, published by the demo seed): the PDF printed by Chromium
// from the pack page and cached, the CSV, Excel and JSON figures, versions that do not exist, sign-in.
import { createHash, createHmac, hkdfSync } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import { ACCOUNTS, expectAccessible, signInAs } from "./fixtures";
import { one } from "./db";

const MONTH = "2019-07";
const LAST_MONTH = "2019-06";
const FILE_BASE = `northbridge-performance-pack-${MONTH}-v1`;

/** The demo council's figures, straight from the seed data the pack was built from. */
function seededValue(code: string, month: string): number {
  const csv = fs.readFileSync(path.join(import.meta.dirname, "..", "prisma", "seed", "data", "values.csv"), "utf8");
  const rows = parse<{ code: string; period: string; value: string }>(csv, { columns: true });
  const row = rows.find((r) => r.code === code && r.period === month);
  if (!row) throw new Error(`No seeded value for ${code} ${month}`);
  return Number(row.value);
}
const withSeparators = (n: number) => n.toLocaleString("en-GB", { maximumFractionDigits: 1 });

/** SHA-256 over canonical JSON (keys sorted, no whitespace), written here independently of the app. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
    .join(",")}}`;
}

async function as(page: Page, email: string) {
  await page.context().clearCookies();
  await signInAs(page, email);
}

async function download(page: Page, linkName: string | RegExp) {
  const [file] = await Promise.all([
    page.waitForEvent("download", { timeout: 60_000 }),
    page.getByRole("link", { name: linkName, exact: true }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

test.describe.serial("downloading the July 2019 pack", () => {
  test("the panel member downloads the PDF: tagged, with an outline and the pack's figures, then served from the cache", async ({
    page,
  }) => {
    await as(page, ACCOUNTS.panel);
    await page.goto(`/packs/${MONTH}`);
    await expect(page.getByRole("link", { name: "Download PDF" })).toHaveAttribute("href", `/packs/${MONTH}/pdf`);

    const started = Date.now();
    const pdf = await download(page, "Download PDF");
    console.log(`First PDF of ${MONTH}: ${Date.now() - started} ms, ${pdf.bytes.length} bytes`);
    expect(pdf.name).toBe(`${FILE_BASE}.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");

    const doc = await getDocumentProxy(new Uint8Array(pdf.bytes));
    expect(doc.numPages).toBeGreaterThan(2);
    // Issue 26: at most 14 pages with print a councillor can read (e2e/pack-layout.spec.ts measures it).
    expect(doc.numPages).toBeLessThanOrEqual(14);
    expect((await doc.getMarkInfo())?.Marked).toBe(true);
    const outline = (await doc.getOutline()) ?? [];
    const bookmarks = outline.flatMap((o) => [o.title, ...(o.items as { title: string }[]).map((i) => i.title)]);
    expect(bookmarks).toEqual(expect.arrayContaining(["Summary of indicators", "Exceptions", "1. Demand"]));
    const { text } = await extractText(doc, { mergePages: true });
    expect(text).toContain("Children's Services Performance Overview");
    expect(text).toContain("July 2019");
    expect(text).toContain("Signed off by Sam Bullingham");
    expect(text).toContain(withSeparators(seededValue("CONTACTS", MONTH)));
    expect(text).toContain(withSeparators(seededValue("CONTACTS", LAST_MONTH)));
    expect(text).toContain(
      `Up from ${withSeparators(seededValue("CP_PLANS", LAST_MONTH))} to ${withSeparators(seededValue("CP_PLANS", MONTH))} since June`,
    );
    // Made from the pack page as printed: no service navigation or download buttons.
    expect(text).not.toContain("Sign out");
    expect(text).not.toContain("Download PDF");

    const stored = await one<{ bytes: number; matches: boolean }>(
      `select length(f.pdf) as bytes, f."contentHash" = v."contentHash" as matches from "PackPdf" f join "PackVersion" v on v.id = f."packVersionId" join "Period" p on p.id = v."periodId" where p.month = $1 and v.version = 1`,
      [MONTH],
    );
    expect(stored).toEqual({ bytes: pdf.bytes.length, matches: true });

    const again = await page.request.get(`/packs/${MONTH}/pdf`);
    expect(again.status()).toBe(200);
    expect(again.headers()["cache-control"]).toBe("private, no-store");
    expect(again.headers()["content-type"]).toBe("application/pdf");
    expect(
      createHash("sha256")
        .update(await again.body())
        .digest("hex"),
    ).toBe(createHash("sha256").update(pdf.bytes).digest("hex"));
  });

  test("the CSV, Excel and JSON downloads hold the pack's figures, and the JSON's hash verifies", async ({ page }) => {
    await as(page, ACCOUNTS.panel);
    await page.goto(`/packs/${MONTH}`);

    const csvFile = await download(page, "CSV");
    expect(csvFile.name).toBe(`${FILE_BASE}.csv`);
    const rows = parse<Record<string, string>>(csvFile.bytes.toString("utf8"), { columns: true, bom: true });
    const row = (code: string) => rows.find((r) => r.Code === code)!;
    expect(rows.length).toBe(32);
    expect(row("CONTACTS")).toMatchObject({
      Month: MONTH,
      Section: "Demand",
      Indicator: "Contacts received",
      Unit: "Number",
      "This month": String(seededValue("CONTACTS", MONTH)),
      "Last month": String(seededValue("CONTACTS", LAST_MONTH)),
      "Change on last month": String(seededValue("CONTACTS", MONTH) - seededValue("CONTACTS", LAST_MONTH)),
      "Same month last year": String(seededValue("CONTACTS", "2018-07")),
    });
    expect(row("CP_PLANS")["This month"]).toBe(String(seededValue("CP_PLANS", MONTH)));
    expect(row("CP_RATE_10K")["This month"]).toBe(seededValue("CP_RATE_10K", MONTH).toFixed(1));
    // Actions on exceptions: the demo's June actions, carried into July, and one resolved.
    expect(row("ASSESS_45WD_PCT")).toMatchObject({ Exception: "Yes", "On the exceptions list since": "2019-02" });
    expect(row("ASSESS_45WD_PCT").Actions).toMatch(/\(owner: Head of Safeguarding; due 2019-08-15; open; carried from 2019-06\)$/);
    expect(row("CP_OPEN_2YRS_PCT").Actions).toMatch(/; resolved; carried from 2019-06\)$/);

    const xlsx = await page.request.get(`/packs/${MONTH}.xlsx`);
    expect(xlsx.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(xlsx.headers()["content-disposition"]).toBe(`attachment; filename="${FILE_BASE}.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Figures")!;
    expect(wb.getWorksheet("Actions on exceptions")!.getRow(1).getCell(6).value).toBe("Action");
    expect(wb.getWorksheet("Actions on exceptions")!.rowCount).toBe(5); // header, three carried, one resolved
    const contacts = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(3).value === "CONTACTS")!;
    expect(contacts.getCell(6).value).toBe(seededValue("CONTACTS", MONTH));

    const jsonRes = await page.request.get(`/packs/${MONTH}.json`);
    expect(jsonRes.headers()["cache-control"]).toBe("private, no-store");
    const json = (await jsonRes.json()) as {
      contentHash: string;
      snapshot: { sections: { slug: string; indicators: { code: string; value: number | null }[] }[] };
    };
    const stored = await one<{ contentHash: string }>(
      `select v."contentHash" from "PackVersion" v join "Period" p on p.id = v."periodId" where p.month = $1 and v.version = 1`,
      [MONTH],
    );
    expect(json).toMatchObject({ month: MONTH, version: 1, contentHash: stored.contentHash });
    // Keyed with the server's secret (lib/integrity/keys.ts): HMAC-SHA256 under a key derived from it.
    const key = Buffer.from(hkdfSync("sha256", process.env.NEXTAUTH_SECRET!, "scrutiny-pack", "integrity:pack-content", 32));
    expect(json.contentHash.split(":")[2]).toBe(createHmac("sha256", key).update(canonical(json.snapshot)).digest("hex"));
    const demand = json.snapshot.sections.find((s) => s.slug === "demand");
    expect(demand?.indicators.find((i) => i.code === "CONTACTS")?.value).toBe(seededValue("CONTACTS", MONTH));
  });

  test("a version that does not exist is not found: page, PDF and every download", async ({ page }) => {
    await as(page, ACCOUNTS.panel);
    expect((await page.goto(`/packs/${MONTH}?version=9`))?.status()).toBe(404);
    for (const url of [
      `/packs/${MONTH}/pdf?version=9`,
      `/packs/${MONTH}.csv?version=9`,
      `/packs/${MONTH}.xlsx?version=9`,
      `/packs/${MONTH}.json?version=9`,
    ]) {
      const res = await page.request.get(url);
      expect(res.status(), url).toBe(404);
      expect(res.headers()["cache-control"], url).toBe("private, no-store");
    }
    expect((await page.request.get(`/packs/${MONTH}.csv?version=1`)).status()).toBe(200);
  });

  test("a signed-out visitor is sent to sign in, for the pack and its downloads", async ({ page }) => {
    await page.context().clearCookies();
    await page.goto(`/packs/${MONTH}`);
    await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=${encodeURIComponent(`/packs/${MONTH}`)}`));
    for (const url of [`/packs/${MONTH}/pdf`, `/packs/${MONTH}.csv`, `/packs/${MONTH}.json`]) {
      const res = await page.request.get(url, { maxRedirects: 0 });
      expect(res.status(), url).toBe(307);
      expect(res.headers().location, url).toMatch(/^\/login\?callbackUrl=/);
    }
    expect((await page.request.get(`/api/packs/${MONTH}/export/json`, { maxRedirects: 0 })).status()).toBe(401);
  });

  test("the list of packs and the July pack with its download links pass axe", async ({ page }) => {
    await as(page, ACCOUNTS.panel);
    await page.goto("/packs");
    await expect(page.getByRole("link", { name: "July 2019" })).toBeVisible();
    await expectAccessible(page);
    await page.goto(`/packs/${MONTH}`);
    for (const [name, href] of [
      ["CSV", `/packs/${MONTH}.csv`],
      ["Excel", `/packs/${MONTH}.xlsx`],
      ["JSON with its hash", `/packs/${MONTH}.json`],
    ]) {
      await expect(page.getByRole("link", { name, exact: true })).toHaveAttribute("href", href);
    }
    await expectAccessible(page);
  });
});
