// npm run measure:pack: the published pack as its readers get it, measured against a running app
// (npm run demo): HTML bytes, scripts, screen height at 1280 and 375 px wide, and A4 pages of the
// PDF download and of the browser's own print. BASE_URL (default http://localhost:3000), MONTH
// (default 2019-07), EMAIL and PASSWORD (default the demo panel member) to change what is measured.
import { chromium } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const month = process.env.MONTH ?? "2019-07";
const email = process.env.EMAIL ?? "panel@northbridge.example";
const password = process.env.PASSWORD ?? "scrutiny-demo";

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const context = await browser.newContext({ baseURL: base });
  const { csrfToken } = await (await context.request.get("/api/auth/csrf")).json();
  await context.request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" }, maxRedirects: 0 });
  const res = await context.request.get(`/packs/${month}`);
  if (res.status() !== 200) throw new Error(`GET /packs/${month} answered ${res.status()}`);
  const html = await res.text();
  const page = await context.newPage();
  const heightAt = async (width) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/packs/${month}`);
    return page.evaluate(() => document.documentElement.scrollHeight);
  };
  const pages = async (bytes) => (await getDocumentProxy(new Uint8Array(bytes))).numPages;
  const pdf = await context.request.get(`/packs/${month}/pdf`);
  const pdfBytes = await pdf.body();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/packs/${month}`);
  const printed = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdfBytes)), { mergePages: true });
  const figures = {
    month,
    htmlBytes: Buffer.byteLength(html),
    htmlKB: Math.round(Buffer.byteLength(html) / 1024),
    scripts: (html.match(/<script\b/gi) ?? []).length,
    charts: (html.match(/<svg[^>]*class="app-chart-svg"/g) ?? []).length,
    screenHeight1280: await heightAt(1280),
    screenHeight375: await heightAt(375),
    pdfStatus: pdf.status(),
    pdfPages: pdf.status() === 200 ? await pages(pdfBytes) : null,
    browserPrintPages: await pages(printed),
    pdfContents: (text.match(/Contents([\s\S]*?)How to read this pack/)?.[1] ?? "").replace(/\s+/g, " ").trim(),
  };
  console.log(JSON.stringify(figures, null, 2));
} finally {
  await browser.close();
}
