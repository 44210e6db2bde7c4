// Serves a published pack page from HTML rendered once per version and app build (PackVersion.renderedHtml),
// so reading a pack costs a permission check and a light query instead of a full React render.
// The page around the frozen snapshot still changes (superseded banner, amendment log, download links),
// so the stored copy is keyed by everything the page shows: a change of any of them renders it again.
import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { roleLabel, type SessionUser } from "@/lib/auth/roles";
import { navigationFor } from "@/lib/navigation";
import { encodePage, type EncodedPage } from "@/lib/pack/delivery/encoded-page";
import { appConfig } from "@/lib/config/app";
import { resolvePackVersion } from "@/lib/pack/delivery/find-pack";
import { pdfAvailable } from "@/lib/pack/delivery/pdf-available";
import { NAV_SLOT, USER_SLOT, injectReaderHeader, openStoredHtml, sealStoredHtml, stripScripts } from "@/lib/pack/delivery/stored-html";

export type StoredPackTarget =
  { kind: "live" } | { kind: "stored"; packVersionId: string; version: number; month: string; key: string; addressed: boolean };

let buildIdCache: string | null = null;
/** The build the stored HTML belongs to: it links to that build's hashed CSS under /_next/static. */
export function currentBuildId(): string | null {
  if (process.env.NODE_ENV !== "production") return null;
  if (buildIdCache) return buildIdCache;
  try {
    buildIdCache = fs.readFileSync(path.join(process.cwd(), process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    return null;
  }
  return buildIdCache;
}

/**
 * Whether this request can be answered from stored HTML, and under which key. "live" means the dynamic
 * page answers: staff previews, versions not yet published, staff-only amendment entries, builds with
 * no BUILD_ID (development). Not found and forbidden are thrown as AppError, by the same rules as the page.
 */
export async function findStoredPackTarget(
  user: SessionUser | null,
  month: string,
  version: number | undefined,
): Promise<StoredPackTarget> {
  const buildId = currentBuildId();
  const r = await resolvePackVersion(user, month, { version });
  if (!buildId || r.wantPreview || !r.chosen?.publishedAt) return { kind: "live" };
  // Staff also see signed-off, unpublished versions in the amendment log: that page is theirs alone.
  if (r.visible.some((v) => !v.publishedAt)) return { kind: "live" };
  const chosen = r.chosen;
  const superseded = chosen.supersededById ? (r.period.packVersions.find((v) => v.id === chosen.supersededById)?.version ?? null) : null;
  const key = createHash("sha256")
    .update(
      JSON.stringify({
        buildId,
        version: chosen.version,
        contentHash: chosen.contentHash,
        publishedAt: chosen.publishedAt!.toISOString(),
        superseded,
        latest: r.latestPublished?.version ?? null,
        amendments: r.amendments,
        pdf: pdfAvailable(),
        council: appConfig.councilName,
      }),
    )
    .digest("hex")
    .slice(0, 32);
  return { kind: "stored", packVersionId: chosen.id, version: chosen.version, month, key, addressed: version !== undefined };
}

const secret = () => process.env.NEXTAUTH_SECRET ?? "";

// Verified page bodies by version and key (about 1 MB each), kept only to make each role's page from.
const memory = new Map<string, string>();
const MEMORY_LIMIT = 16;
const inFlight = new Map<string, Promise<string>>();

function remember(id: string, body: string) {
  if (memory.size >= MEMORY_LIMIT) memory.delete(memory.keys().next().value!);
  memory.set(id, body);
}

/**
 * The stored page body for a target: from memory, else from the database (its MAC checked once), else
 * rendered by `render` (the real page in stored mode, whose view verified the snapshot's hash) and
 * stored. Concurrent first requests share one render.
 */
export async function getStoredPackHtml(
  target: Extract<StoredPackTarget, { kind: "stored" }>,
  render: () => Promise<string>,
): Promise<string> {
  const id = `${target.packVersionId}:${target.key}`;
  const hit = memory.get(id);
  if (hit) return hit;
  let job = inFlight.get(id);
  if (!job) {
    job = loadOrRender(target, render).finally(() => inFlight.delete(id));
    inFlight.set(id, job);
  }
  const body = await job;
  remember(id, body);
  return body;
}

async function loadOrRender(target: Extract<StoredPackTarget, { kind: "stored" }>, render: () => Promise<string>): Promise<string> {
  const row = await db.packVersion.findUnique({ where: { id: target.packVersionId }, select: { renderedHtml: true } });
  const opened = openStoredHtml(row?.renderedHtml, { key: target.key, secret: secret() });
  if (opened) return opened;
  const html = await render();
  if (!html.includes('id="pack-title"') || !html.includes(NAV_SLOT) || !html.includes(USER_SLOT))
    throw new Error(`Stored render of ${target.month} v${target.version} is not the pack page in stored mode`);
  const body = stripScripts(html);
  await db.packVersion.updateMany({
    where: { id: target.packVersionId },
    data: { renderedHtml: sealStoredHtml(body, { buildId: currentBuildId() ?? "", key: target.key, secret: secret() }) },
  });
  return body;
}

/** Who the page is for: each role sees its own navigation; "PUBLIC" is a signed-out reader (PUBLIC_PACKS). */
export type PackAudience = SessionUser["role"] | "PUBLIC";

export function audienceOf(user: SessionUser | null): PackAudience {
  return user ? user.role : "PUBLIC";
}

// The final bytes of each (version, key, audience), precompressed: about 1.2 MB each, least recently used dropped.
const pages = new Map<string, EncodedPage>();
const PAGE_LIMIT = Math.max(1, Number(process.env.PACK_PAGE_CACHE_ENTRIES) || 48);
const pagesInFlight = new Map<string, Promise<EncodedPage>>();

/**
 * The published page as an audience receives it, in every encoding, from this process's memory; made
 * once per process from the stored body (the database copy every process shares) and then served as
 * a static file would be. Concurrent first requests share one job.
 */
export async function getEncodedPackPage(
  target: Extract<StoredPackTarget, { kind: "stored" }>,
  audience: PackAudience,
  render: () => Promise<string>,
): Promise<EncodedPage> {
  const id = `${target.packVersionId}:${target.key}:${audience}`;
  const hit = pages.get(id);
  if (hit) {
    pages.delete(id); // most recently used goes last
    pages.set(id, hit);
    return hit;
  }
  let job = pagesInFlight.get(id);
  if (!job) {
    job = (async () => {
      const body = await getStoredPackHtml(target, render);
      const reader = audience === "PUBLIC" ? null : { roleLabel: roleLabel[audience], nav: navigationFor(audience) };
      return encodePage(injectReaderHeader(body, reader, `/packs/${target.month}`));
    })().finally(() => pagesInFlight.delete(id));
    pagesInFlight.set(id, job);
  }
  const page = await job;
  if (!pages.has(id)) {
    if (pages.size >= PAGE_LIMIT) pages.delete(pages.keys().next().value!);
    pages.set(id, page);
  }
  return page;
}
