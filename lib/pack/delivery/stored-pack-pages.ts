// Published pack pages, rendered once and kept as bytes (StoredPackPage): each published version's
// page for each kind of reader (every role has its own navigation; PUBLIC is a signed-out reader and
// the PDF), with its hash, as HTML, gzip and Brotli. Rendered when a version is published, for it and
// for the versions it supersedes (their banner and amendment log change); serving is then a lookup.
//
// Each stored page carries pageKey, the hash of everything it shows (publishedPageMeta, the audience,
// the council's name and the renderer's code), worked out from the same read of the database as the
// render itself. A request works the key out afresh and takes only a page with that key, so a page
// rendered from a state that has since changed (an amendment published mid-render, an upgrade that
// changed the layout) is never served: it is rendered again, once, on its first request.
import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import zlib from "node:zlib";
import { db } from "@/lib/db";
import { appConfig } from "@/lib/config/app";
import { pdfAvailable } from "@/lib/pack/delivery/pdf-available";
import { amendmentEntry, loadMonthState, monthQuestions, type MonthState } from "@/lib/pack/delivery/find-pack";
import { encodePage, encodedFromParts, pageHash, type EncodedPage } from "@/lib/pack/delivery/encoded-page";
import { verifyContentHash } from "@/lib/pack/snapshot/content-hash";
import { readSnapshot } from "@/lib/pack/snapshot/read-snapshot";
import { renderPackPages } from "@/lib/pack/render/render-pages";
import { rendererKey } from "@/lib/pack/render/renderer-key";
import { PACK_AUDIENCES, type PackAudience, type PackPageModel } from "@/lib/pack/render/pack-page-model";

type Version = MonthState["packVersions"][number];

const secret = () => process.env.NEXTAUTH_SECRET ?? "";

/** Binds a page's bytes to its key under the app's secret: whoever can write the table cannot forge one. */
function macOf(key: string, sha256: string): string {
  return createHmac("sha256", secret()).update(`${key}\n${sha256}`).digest("hex");
}

/**
 * What a published version's page shows besides its snapshot (which its contentHash names). `now`
 * matters to the questions: the page offers "Ask a question" until their deadline, so the key changes then.
 */
export function publishedPageMeta(period: MonthState, v: Version, now = new Date()) {
  const published = period.packVersions.filter((p) => p.publishedAt);
  return {
    month: period.month,
    version: v.version,
    contentHash: v.contentHash,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    supersededByVersion: v.supersededById ? (period.packVersions.find((p) => p.id === v.supersededById)?.version ?? null) : null,
    latestPublishedVersion: published.at(-1)?.version ?? null,
    // Published versions only, for every reader: staff find a signed-off version that is not yet
    // published on the period page, and the panel must never see one named.
    amendments: published.map(amendmentEntry),
    pdfAvailable: pdfAvailable(),
    questions: monthQuestions(period, now),
  };
}

export type PublishedPageMeta = ReturnType<typeof publishedPageMeta>;

export function pageKeyOf(meta: PublishedPageMeta, audience: PackAudience): string {
  return createHash("sha256")
    .update(JSON.stringify({ renderer: rendererKey(), council: appConfig.councilName, service: appConfig.serviceName, audience, ...meta }))
    .digest("hex")
    .slice(0, 32);
}

/** A version's snapshot as the page needs it, or null (logged) when it fails its hash or cannot be read. */
async function frozenModel(period: MonthState, v: Version, meta: PublishedPageMeta): Promise<PackPageModel | null> {
  const row = await db.packVersion.findUnique({ where: { id: v.id }, select: { snapshot: true, contentHash: true } });
  if (!row || row.contentHash !== v.contentHash || !verifyContentHash(row.snapshot, row.contentHash)) {
    console.error(`Pack ${period.month} version ${v.version} failed its integrity check: its page is not stored`);
    return null;
  }
  const read = readSnapshot(row.snapshot);
  if (!read.ok) {
    console.error(`Pack ${period.month} version ${v.version} cannot be read (${read.reason}): its page is not stored`);
    return null;
  }
  const { charts, ...snapshot } = read.snapshot;
  return { ...meta, kind: "frozen", snapshot, charts, version: v.version, published: true };
}

/**
 * Renders and stores every out-of-date page of the months' published versions, all in one renderer
 * process. Returns how many pages it wrote. Called after publication commits, by the demo seed, and
 * by a request that finds its page missing or out of date.
 */
export async function storePackPages(months: string[], only?: { versionId: string; force?: boolean }): Promise<number> {
  // Without the secret a page cannot be sealed, and a server would refuse it: leave it for the server.
  if (!secret()) {
    console.warn("NEXTAUTH_SECRET is not set here, so no pack page is stored: the server renders each on its first request");
    return 0;
  }
  const targets: { versionId: string; audience: PackAudience; key: string }[] = [];
  const jobs: { model: PackPageModel; audiences: PackAudience[] }[] = [];
  for (const month of months) {
    const period = await loadMonthState(month);
    if (!period) continue;
    for (const v of period.packVersions) {
      if (!v.publishedAt || (only && only.versionId !== v.id)) continue;
      const meta = publishedPageMeta(period, v);
      const stored = new Map(
        (await db.storedPackPage.findMany({ where: { packVersionId: v.id }, select: { audience: true, pageKey: true } })).map((r) => [
          r.audience,
          r.pageKey,
        ]),
      );
      // force: a stored page failed its checks (readStored), whatever its key says.
      const stale = PACK_AUDIENCES.filter((a) => only?.force || stored.get(a) !== pageKeyOf(meta, a));
      if (!stale.length) continue;
      const model = await frozenModel(period, v, meta);
      if (!model) continue;
      jobs.push({ model, audiences: stale });
      for (const audience of stale) targets.push({ versionId: v.id, audience, key: pageKeyOf(meta, audience) });
    }
  }
  if (!jobs.length) return 0;
  const html = (await renderPackPages(jobs)).flat();
  // Two at a time: Brotli runs in zlib's thread pool, and the machine may have no more cores than that.
  for (let i = 0; i < targets.length; i += 2) {
    await Promise.all(targets.slice(i, i + 2).map((t, j) => storeOne(t, html[i + j])));
  }
  return targets.length;
}

async function storeOne(t: { versionId: string; audience: PackAudience; key: string }, html: string): Promise<void> {
  // Brotli quality 6: 10 ms a page against 100 ms at 10, for about 10% more bytes (26 KB against 24 KB
  // for July 2019's page). Five pages a version, and the demo seed stores eighty.
  const page = await encodePage(html, { brotliQuality: 6 });
  const sha256 = pageHash(page.body.identity);
  const data = {
    pageKey: t.key,
    sha256,
    mac: macOf(t.key, sha256),
    gzip: new Uint8Array(page.body.gzip),
    br: new Uint8Array(page.body.br),
    createdAt: new Date(),
  };
  await db.storedPackPage.upsert({
    where: { packVersionId_audience: { packVersionId: t.versionId, audience: t.audience } },
    create: { packVersionId: t.versionId, audience: t.audience, ...data },
    update: data,
  });
}

/** storePackPages after a publication: a failure is logged, and the first reader's request renders the page instead. */
export async function storePackPagesAfterCommit(month: string): Promise<void> {
  try {
    await storePackPages([month]);
  } catch (e) {
    console.error(`The ${month} pack's pages could not be stored at publication; the first request will render them`, e);
  }
}

// The bytes of recently served pages, by version, audience and key: about 0.5 MB each.
const memory = new Map<string, EncodedPage>();
const MEMORY_LIMIT = Math.max(1, Number(process.env.PACK_PAGE_CACHE_ENTRIES) || 48);
const inFlight = new Map<string, Promise<EncodedPage | null>>();

/**
 * The stored page for this key, if it is there and intact: the page is gzip's bytes decompressed, and
 * its hash, its MAC and Brotli's bytes must all agree with it (checked once per process, when it is
 * read into memory: a few milliseconds).
 */
async function readStored(versionId: string, audience: PackAudience, key: string): Promise<EncodedPage | null> {
  const row = await db.storedPackPage.findUnique({ where: { packVersionId_audience: { packVersionId: versionId, audience } } });
  if (!row || row.pageKey !== key) return null;
  const [gzip, br] = [Buffer.from(row.gzip), Buffer.from(row.br)];
  const identity = zlib.gunzipSync(gzip);
  const want = Buffer.from(macOf(key, row.sha256));
  const intact =
    want.length === Buffer.byteLength(row.mac) &&
    timingSafeEqual(want, Buffer.from(row.mac)) &&
    pageHash(identity) === row.sha256 &&
    zlib.brotliDecompressSync(br).equals(identity);
  if (!intact) {
    console.error(`The stored ${audience} page of pack version ${versionId} does not match its hash or MAC: it is rendered again`);
    return null;
  }
  return encodedFromParts(row.sha256, { identity, gzip, br });
}

/**
 * A published version's page as an audience receives it: from this process's memory, else the
 * database, else rendered and stored now (only when publication's render failed or the page is out
 * of date). Null when the version's snapshot fails its checks: the live page then says so.
 */
/** The key a version's page for `audience` has now: a stored page, or a PDF printed from one, under another key is out of date. */
export function currentPageKey(period: MonthState, v: Version, audience: PackAudience): string {
  return pageKeyOf(publishedPageMeta(period, v), audience);
}

export async function publishedPage(period: MonthState, v: Version, audience: PackAudience): Promise<EncodedPage | null> {
  const key = currentPageKey(period, v, audience);
  const id = `${v.id}:${audience}:${key}`;
  const hit = memory.get(id);
  if (hit) {
    memory.delete(id); // most recently used goes last
    memory.set(id, hit);
    return hit;
  }
  let job = inFlight.get(id);
  if (!job) {
    job = (async () => {
      const stored = await readStored(v.id, audience, key);
      if (stored) return stored;
      await storePackPages([period.month], { versionId: v.id, force: true });
      return readStored(v.id, audience, key);
    })().finally(() => inFlight.delete(id));
    inFlight.set(id, job);
  }
  const page = await job;
  if (page && !memory.has(id)) {
    if (memory.size >= MEMORY_LIMIT) memory.delete(memory.keys().next().value!);
    memory.set(id, page);
  }
  return page;
}
