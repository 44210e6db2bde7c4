// Prints a pack page to a tagged PDF with Chromium. The page is the app's own /packs/... page,
// loaded over loopback as the requester would see it, so the PDF is the same HTML as the screen.
//
// Why page.goto with the requester's session rather than fetching HTML and setContent: the page needs
// its stylesheet from the same origin anyway, and a real navigation gives us the status code and the
// final URL to check (a lapsed session redirects to /login, which must never be cached as a pack).
// What keeps it safe:
// - the origin is fixed on the server (127.0.0.1 and the port Next listens on, or PDF_RENDER_ORIGIN),
//   never taken from the request's Host header, so a request cannot point Chromium elsewhere;
// - only the next-auth session cookie is forwarded, only to that origin: every request to another
//   origin is aborted, so nothing on the page can carry the cookie (or anything else) off the machine;
// - JavaScript is off: the pack is server-rendered HTML and CSS, so nothing runs with the session;
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

/** Where this server answers on loopback. Fixed by configuration, never by the request. */
export function pdfRenderOrigin(env: Record<string, string | undefined> = process.env): string {
  const configured = env.PDF_RENDER_ORIGIN?.trim();
  if (configured) return new URL(configured).origin;
  const port = Number(env.PORT);
  return `http://127.0.0.1:${Number.isInteger(port) && port > 0 && port < 65536 ? port : 3000}`;
}

const SESSION_COOKIE = /^(__Secure-|__Host-)?next-auth\.session-token(\.\d+)?$/;

/** From the request's Cookie header, only the session cookie (possibly in chunks): nothing else travels. */
export function sessionCookieHeader(cookieHeader: string | null): string {
  if (!cookieHeader) return "";
  return cookieHeader
    .split(";")
    .map((c) => c.trim())
    .filter((c) => SESSION_COOKIE.test(c.slice(0, c.indexOf("="))))
    .join("; ");
}

// One Chromium at a time: the machine has two cores, and PDFs are made once per version anyway.
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}

export type RenderRequest = { origin: string; path: string; cookie: string; expectPath: string };

/** Loads origin+path in a fresh headless Chromium and prints it; refuses anything but the pack page itself. */
export function renderPdfFromPage(req: RenderRequest): Promise<Buffer> {
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
        extraHTTPHeaders: req.cookie ? { cookie: req.cookie } : {},
      });
      await context.route("**/*", (route) =>
        new URL(route.request().url()).origin === req.origin ? route.continue() : route.abort("blockedbyclient"),
      );
      const page = await context.newPage();
      page.setDefaultTimeout(RENDER_TIMEOUT_MS);
      const response = await page.goto(`${req.origin}${req.path}`, { waitUntil: "load" });
      const landed = new URL(page.url());
      if (!response || response.status() !== 200 || landed.origin !== req.origin || landed.pathname !== req.expectPath) {
        throw new Error(`PDF render of ${req.path} got ${response?.status() ?? "no response"} at ${landed.pathname}, not the pack page`);
      }
      if ((await page.locator("#pack-title").count()) !== 1) throw new Error(`PDF render of ${req.path}: the page has no pack title`);
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
