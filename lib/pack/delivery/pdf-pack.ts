// A published pack as a PDF: made once per version by Chromium from the pack page and kept in PackPdf
// (keyed by the version, checked against the snapshot's hash), then served from there to every reader.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { findFrozenPack } from "@/lib/pack/delivery/export-pack";

/** Prints the page at an app path (e.g. /packs/2019-07?version=1) to PDF bytes. */
export type PdfRenderer = (pagePath: string, expectPath: string) => Promise<Uint8Array>;

export type PackPdfResult =
  | { kind: "pdf"; pdf: Buffer; version: number; published: true; fromCache: boolean; shared: boolean }
  /** No Chromium on this server, or it failed (logged): readers are told to print the page instead. */
  /** busy: too many staff renders already waiting; the requester is told to try again shortly. */
  | { kind: "unavailable"; version: number; reason: "no-chromium" | "render-failed" | "busy" };

// Renders in flight in this process, by version: a second request waits for the first.
const inFlight = new Map<string, Promise<Buffer>>();
// Staff renders are per request (never kept, never shared), so they are bounded: Chromium runs one
// render at a time, and beyond this many waiting or running, a request is answered "busy" at once.
export const MAX_STAFF_RENDERS = 2;
let staffRenders = 0;

type FrozenView = Awaited<ReturnType<typeof findFrozenPack>>;

/**
 * When a cached PDF no longer shows what the page shows: the snapshot hash differs (restored from a
 * backup), or the version was superseded after the PDF was made (the page now carries the
 * "Superseded by version N" banner and the longer amendment log). So a PDF is made at most twice.
 */
export function isPdfStale(cached: { contentHash: string; createdAt: Date }, view: Pick<FrozenView, "contentHash" | "supersededByVersion" | "amendments">): boolean {
  if (cached.contentHash !== view.contentHash) return true;
  if (view.supersededByVersion === null) return false;
  const supersededAt = view.amendments.find((a) => a.version === view.supersededByVersion)?.publishedAt;
  return supersededAt ? cached.createdAt.getTime() < new Date(supersededAt).getTime() : false;
}

export async function getPackPdf(user: SessionUser | null, input: { month: string; version?: number }, render: PdfRenderer | null): Promise<PackPdfResult> {
  const view = await findFrozenPack(user, input.month, input.version);
  // PDFs are of published versions only: the page offers none for a draft or an unpublished version.
  if (!view.published) throw new AppError("NOT_FOUND", "There is no published pack for that month");
  const cached = await db.packPdf.findUnique({ where: { packVersionId: view.packVersionId }, select: { contentHash: true, createdAt: true, pdf: true } });
  if (cached && !isPdfStale(cached, view)) return { kind: "pdf", pdf: Buffer.from(cached.pdf), version: view.version, published: true, fromCache: true, shared: true };
  if (!render) return { kind: "unavailable", version: view.version, reason: "no-chromium" };

  const path = `/packs/${view.snapshot.month}?version=${view.version}`;
  const expectPath = `/packs/${view.snapshot.month}`;
  // Staff also see signed-off versions not yet published in the amendment log. A PDF made from their
  // page would show the panel something unpublished, so it is given to them but never kept.
  const shared = view.amendments.every((a) => a.publishedAt !== null);
  try {
    if (!shared) {
      if (staffRenders >= MAX_STAFF_RENDERS) return { kind: "unavailable", version: view.version, reason: "busy" };
      staffRenders++;
      try {
        return { kind: "pdf", pdf: Buffer.from(await render(path, expectPath)), version: view.version, published: true, fromCache: false, shared: false };
      } finally {
        staffRenders--;
      }
    }
    const key = `${view.packVersionId}:${view.contentHash}`;
    let job = inFlight.get(key);
    if (!job) {
      job = renderAndStore(view, cached?.createdAt ?? null, () => render(path, expectPath)).finally(() => inFlight.delete(key));
      inFlight.set(key, job);
    }
    return { kind: "pdf", pdf: await job, version: view.version, published: true, fromCache: false, shared: true };
  } catch (e) {
    console.error(`PDF of the ${input.month} pack, version ${view.version}, could not be made`, e);
    return { kind: "unavailable", version: view.version, reason: "render-failed" };
  }
}

/** Renders, stores (first writer wins, also across processes) and returns the bytes that were kept. */
async function renderAndStore(view: FrozenView, staleCreatedAt: Date | null, render: () => Promise<Uint8Array>): Promise<Buffer> {
  const startedAt = new Date(); // the PDF shows the pack as of the moment it was loaded
  const pdf = new Uint8Array(await render());
  const data = { contentHash: view.contentHash, pdf, createdAt: startedAt };
  if (staleCreatedAt) {
    await db.packPdf.updateMany({ where: { packVersionId: view.packVersionId, createdAt: staleCreatedAt }, data });
  } else {
    await db.packPdf.createMany({ data: [{ packVersionId: view.packVersionId, ...data }], skipDuplicates: true });
  }
  const kept = await db.packPdf.findUnique({ where: { packVersionId: view.packVersionId }, select: { pdf: true, contentHash: true } });
  return Buffer.from(kept && kept.contentHash === view.contentHash ? kept.pdf : pdf);
}
