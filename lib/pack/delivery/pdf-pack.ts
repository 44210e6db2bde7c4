// A published pack as a PDF: made once per version by Chromium from the pack's stored page (the one a
// signed-out reader gets: lib/pack/delivery/stored-pack-pages.ts), with no session and no server
// behind it, and kept in PackPdf
// (keyed by the version, checked against the snapshot's hash), then served from there to every reader.
// Once across servers: a render is claimed in the database first (lib/pack/delivery/pdf-claim.ts);
// a server that finds the claim taken waits for the stored PDF instead of rendering its own.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { pdfRendersPerProcess } from "@/lib/config/pdf-renders.mjs";
import { findFrozenPack } from "@/lib/pack/delivery/export-pack";
import { claimPdfRender, pdfRenderClaimed, releasePdfRender } from "@/lib/pack/delivery/pdf-claim";
import { loadMonthState } from "@/lib/pack/delivery/find-pack";
import { currentPageKey, publishedPage } from "@/lib/pack/delivery/stored-pack-pages";
import { packStylesheetText } from "@/lib/pack/delivery/pack-stylesheet";
import { packStylesheetHref } from "@/lib/pack/render/pack-css";

/** Prints a stored pack page to PDF bytes; `files` are what it links to (its stylesheet), by path. */
export type PdfRenderer = (html: string, files: Record<string, { contentType: string; body: string }>) => Promise<Uint8Array>;

export type PackPdfResult =
  | { kind: "pdf"; pdf: Buffer; version: number; published: true; fromCache: boolean; shared: boolean }
  /** No Chromium on this server, or it failed (logged): readers are told to print the page instead. */
  /** busy: this server already runs or queues its PDF_RENDERS_PER_PROCESS renders; the requester is told to try again shortly. */
  /** waited: another server has been making this PDF for longer than a request waits for it. */
  | { kind: "unavailable"; version: number; reason: "no-chromium" | "render-failed" | "busy" | "waited" };

export type PdfOptions = {
  /** Renders this process runs or queues at once (default PDF_RENDERS_PER_PROCESS, then 2). */
  rendersPerProcess?: number;
  /** How long a request waits for a PDF another server is making before it is answered "waited". */
  waitMs?: number;
  /** How often a waiting request looks for the stored PDF. */
  pollMs?: number;
};
export const PDF_WAIT_MS = 30_000;
const PDF_POLL_MS = 250;

// Renders in flight in this process, by version: a second request in the same process waits for the first.
const inFlight = new Map<string, Promise<SharedOutcome>>();
// Renders this process runs or has queued for Chromium (one at a time, lib/pack/delivery/pdf-render.ts),
// staff renders and shared ones alike: beyond the limit a request is answered "busy" at once, never queued.
let localRenders = 0;

type FrozenView = Awaited<ReturnType<typeof findFrozenPack>>;
type SharedOutcome = { pdf: Buffer; fromCache: boolean } | { unavailable: "busy" | "waited" };

/**
 * When a cached PDF no longer shows what the page shows: the snapshot hash differs (restored from a
 * backup), an answer to a panel question was approved after it was made (the addendum), or the
 * version was superseded after the PDF was made (the page now carries the "Superseded by version N"
 * banner and the longer amendment log).
 */
export function isPdfStale(
  cached: { contentHash: string; createdAt: Date },
  view: Pick<FrozenView, "contentHash" | "supersededByVersion" | "amendments" | "questions">,
): boolean {
  if (cached.contentHash !== view.contentHash) return true;
  // An answer approved since (the addendum of questions from the panel): the PDF is printed again with it.
  const lastAnswer = view.questions?.answered.reduce((at, q) => Math.max(at, new Date(q.approvedAt).getTime()), 0) ?? 0;
  if (lastAnswer > cached.createdAt.getTime()) return true;
  if (view.supersededByVersion === null) return false;
  const supersededAt = view.amendments.find((a) => a.version === view.supersededByVersion)?.publishedAt;
  return supersededAt ? cached.createdAt.getTime() < new Date(supersededAt).getTime() : false;
}

/**
 * The stored PDF if it still shows what the page shows: printed from the stored page under the key
 * that page has now (an upgrade that changed the layout or the print stylesheet changes the key), and
 * not stale by isPdfStale's rules.
 */
async function readFresh(view: FrozenView): Promise<Buffer | null> {
  const [cached, key] = await Promise.all([
    db.packPdf.findUnique({
      where: { packVersionId: view.packVersionId },
      select: { contentHash: true, createdAt: true, pageKey: true, pdf: true },
    }),
    publicPageKey(view),
  ]);
  return cached && key !== null && cached.pageKey === key && !isPdfStale(cached, view) ? Buffer.from(cached.pdf) : null;
}

/** The version's month and its row as the stored pages know them, or null. */
async function monthAndVersion(view: FrozenView) {
  const period = await loadMonthState(view.snapshot.month);
  const version = period?.packVersions.find((v) => v.id === view.packVersionId);
  return period && version ? { period, version } : null;
}

/** The key of the version's stored page for a signed-out reader, the page its PDF is printed from. */
async function publicPageKey(view: FrozenView): Promise<string | null> {
  const found = await monthAndVersion(view);
  return found ? currentPageKey(found.period, found.version, "PUBLIC") : null;
}

export async function getPackPdf(
  user: SessionUser | null,
  input: { month: string; version?: number },
  render: PdfRenderer | null,
  options: PdfOptions = {},
): Promise<PackPdfResult> {
  const view = await findFrozenPack(user, input.month, input.version);
  // PDFs are of published versions only: the page offers none for a draft or an unpublished version.
  if (!view.published) throw new AppError("NOT_FOUND", "There is no published pack for that month");
  const cached = await readFresh(view);
  if (cached) return { kind: "pdf", pdf: cached, version: view.version, published: true, fromCache: true, shared: true };
  if (!render) return { kind: "unavailable", version: view.version, reason: "no-chromium" };

  const limit = options.rendersPerProcess ?? pdfRendersPerProcess();
  try {
    const key = `${view.packVersionId}:${view.contentHash}`;
    let job = inFlight.get(key);
    if (!job) {
      job = sharedPdf(
        view,
        async () => {
          const page = await storedPageToPrint(view);
          const files = { [packStylesheetHref()]: { contentType: "text/css", body: await packStylesheetText() } };
          return { pdf: await render(page.html, files), pageKey: page.key };
        },
        {
          limit,
          waitMs: options.waitMs ?? PDF_WAIT_MS,
          pollMs: options.pollMs ?? PDF_POLL_MS,
        },
      ).finally(() => inFlight.delete(key));
      inFlight.set(key, job);
    }
    const outcome = await job;
    if ("unavailable" in outcome) return { kind: "unavailable", version: view.version, reason: outcome.unavailable };
    return { kind: "pdf", pdf: outcome.pdf, version: view.version, published: true, fromCache: outcome.fromCache, shared: true };
  } catch (e) {
    console.error(`PDF of the ${input.month} pack, version ${view.version}, could not be made`, e);
    return { kind: "unavailable", version: view.version, reason: "render-failed" };
  }
}

/**
 * The version's shared PDF, rendered here only if this process wins the database claim; otherwise it
 * waits for the server that did to store it (or takes over if that claim is given up or runs out).
 */
async function sharedPdf(
  view: FrozenView,
  render: () => Promise<Printed>,
  opts: { limit: number; waitMs: number; pollMs: number },
): Promise<SharedOutcome> {
  const deadline = Date.now() + opts.waitMs;
  for (;;) {
    if (localRenders < opts.limit) {
      localRenders++;
      try {
        const token = await claimPdfRender(view.packVersionId);
        if (token) {
          let rendered = false;
          try {
            // Another server may have stored it between our first look and our claim.
            const stored = await readFresh(view);
            if (stored) return { pdf: stored, fromCache: true };
            const pdf = await renderAndStore(view, render);
            rendered = true;
            return { pdf, fromCache: false };
          } finally {
            await releasePdfRender(view.packVersionId, token, rendered);
          }
        }
      } finally {
        localRenders--;
      }
    } else if (!(await pdfRenderClaimed(view.packVersionId))) {
      return { unavailable: "busy" };
    }
    if (Date.now() >= deadline) return { unavailable: "waited" };
    await new Promise((r) => setTimeout(r, opts.pollMs));
    const stored = await readFresh(view);
    if (stored) return { pdf: stored, fromCache: true };
  }
}

/**
 * The version's stored page for a signed-out reader, with its key: the same for everyone, and nothing
 * in it needs a session. The key is worked out before the page is read, so a page newer than its key
 * (an amendment published in between) leaves a PDF that is printed again, never one kept as current.
 */
async function storedPageToPrint(view: FrozenView): Promise<{ html: string; key: string }> {
  const found = await monthAndVersion(view);
  const key = found ? currentPageKey(found.period, found.version, "PUBLIC") : null;
  const page = found ? await publishedPage(found.period, found.version, "PUBLIC") : null;
  if (!page || !key) throw new Error(`The ${view.snapshot.month} pack, version ${view.version}, has no stored page to print`);
  return { html: page.body.identity.toString("utf8"), key };
}

/** A PDF and the key of the stored page it was printed from. */
type Printed = { pdf: Uint8Array; pageKey: string };

/** Renders and stores the version's PDF; only the claim's holder calls it, so there is one writer. */
async function renderAndStore(view: FrozenView, render: () => Promise<Printed>): Promise<Buffer> {
  const startedAt = new Date(); // the PDF shows the pack as of the moment it was loaded
  const printed = await render();
  const pdf = new Uint8Array(printed.pdf);
  const data = { contentHash: view.contentHash, pageKey: printed.pageKey, pdf, createdAt: startedAt };
  await db.packPdf.upsert({
    where: { packVersionId: view.packVersionId },
    create: { packVersionId: view.packVersionId, ...data },
    update: data,
  });
  // One line per render, so a log shows how often each version was made (and by which process).
  console.log(
    `PDF of the ${view.snapshot.month} pack, version ${view.version}, made in ${Date.now() - startedAt.getTime()} ms by process ${process.pid}`,
  );
  return Buffer.from(pdf);
}
