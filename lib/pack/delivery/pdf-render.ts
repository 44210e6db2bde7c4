// Prints a pack page to a tagged PDF with Chromium. The page is the version's stored page
// (lib/pack/delivery/stored-pack-pages.ts), the same bytes a reader's browser gets, its charts inline
// SVG. Chromium is given it, and its stylesheet, from memory at an address that exists nowhere
// (PAGE_ORIGIN), so no server, session or cookie is involved at all; what keeps it safe:
// - every other request the page might make is aborted: nothing can leave the machine, and nothing
//   from outside can change what is printed;
// - JavaScript is off (the page has none anyway);
// - a fresh browser context per render, closed afterwards; one render at a time on the machine.
import "server-only";
import { chromiumPath } from "@/lib/pack/delivery/pdf-available";
import { headingPages } from "@/lib/pack/delivery/pdf-contents";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const RENDER_TIMEOUT_MS = 60_000;

// One Chromium at a time: the machine has two cores, and PDFs are made once per version anyway.
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}

/** Where the page is given to Chromium: ".invalid" is reserved (RFC 2606), so it can never reach a server. */
const PAGE_ORIGIN = "http://pack.invalid";

/**
 * Prints a stored pack page in a fresh headless Chromium; refuses anything but a pack page.
 * `files`: what the page may load besides itself, by path (its stylesheet).
 */
export function renderPdfFromHtml(html: string, files: Record<string, { contentType: string; body: string }> = {}): Promise<Buffer> {
  return oneAtATime(async () => {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      headless: true,
      timeout: RENDER_TIMEOUT_MS,
    });
    try {
      const context = await browser.newContext({
        javaScriptEnabled: false,
        serviceWorkers: "block",
        acceptDownloads: false,
        locale: "en-GB",
        timezoneId: "Europe/London",
      });
      await context.route("**/*", (route) => {
        const url = new URL(route.request().url());
        if (url.origin !== PAGE_ORIGIN) return route.abort("blockedbyclient");
        if (url.pathname === "/") return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
        const file = files[url.pathname];
        return file ? route.fulfill({ status: 200, ...file }) : route.abort("blockedbyclient");
      });
      const page = await context.newPage();
      page.setDefaultTimeout(RENDER_TIMEOUT_MS);
      await page.goto(`${PAGE_ORIGIN}/`, { waitUntil: "load" });
      if ((await page.locator("#pack-title").count()) !== 1)
        throw new Error("PDF render: the page has no pack title, so it is not a pack page");
      const print = () => page.pdf({ tagged: true, outline: true, format: "A4", printBackground: true, preferCSSPageSize: true });
      const first = await print();
      // The contents' page numbers: read where each part starts, write them in, print again.
      const entries = await page.locator(".app-toc__page[data-toc]").evaluateAll((spans) =>
        spans.map((s) => {
          const id = (s as HTMLElement).dataset.toc ?? "";
          return { id, heading: document.getElementById(id)?.textContent ?? "" };
        }),
      );
      const pages = await headingPages(
        first,
        entries.map((e) => e.heading),
      );
      const numbers = Object.fromEntries(entries.map((e) => [e.id, pages.get(e.heading.replace(/\s+/g, " ").trim()) ?? null]));
      if (!Object.values(numbers).some(Boolean)) {
        await context.close();
        return first;
      }
      await page.locator(".app-toc__page[data-toc]").evaluateAll((spans, n) => {
        for (const s of spans as HTMLElement[]) {
          const page = n[s.dataset.toc ?? ""];
          if (page) s.innerHTML = `<span class="govuk-visually-hidden">page </span>${page}`;
        }
      }, numbers);
      const pdf = await print();
      await context.close();
      return pdf;
    } finally {
      await browser.close();
    }
  });
}
