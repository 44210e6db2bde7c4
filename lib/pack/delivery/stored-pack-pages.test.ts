// Published pack pages rendered once and served as stored bytes, on a real database: one page per
// version and audience, rendered again only when what it shows changes, never served under a key
// that is not its own (a publication while a render runs), and nothing stored for a tampered pack.
import { afterEach, describe, expect, it, vi } from "vitest";
import zlib from "node:zlib";
import { db } from "@/lib/db";
import { loadMonthState } from "@/lib/pack/delivery/find-pack";
import { pageKeyOf, publishedPage, publishedPageMeta, storePackPages } from "@/lib/pack/delivery/stored-pack-pages";
import { setPageRenderer, type PageRenderer } from "@/lib/pack/render/render-pages";
import { renderPackPageHtml } from "@/lib/pack/render/pack-page-html";
import { packStylesheetHref } from "@/lib/pack/render/pack-css";
import { PACK_AUDIENCES } from "@/lib/pack/render/pack-page-model";
import { contentHash } from "@/lib/pack/snapshot/content-hash";
import { pageHash } from "@/lib/pack/delivery/encoded-page";
import { sampleSnapshot } from "@/test/pack-fixtures";
import { createPack } from "@/test/pack-fixtures-db";
import { uniqueMonth } from "@/test/factories";
import { drawPagesInProcess } from "@/test/pages-in-process";

const inProcess: PageRenderer = (jobs) => {
  const css = packStylesheetHref();
  return Promise.resolve(jobs.map((j) => j.audiences.map((a) => renderPackPageHtml(j.model, a, css))));
};

/** Counts the renders (one per page) and can run something in the middle of one. */
function countingRenderer(during?: () => Promise<void>) {
  const rendered: string[] = [];
  setPageRenderer(async (jobs) => {
    for (const j of jobs) for (const a of j.audiences) rendered.push(`${j.model.month} v${j.model.version} ${a}`);
    const pages = await inProcess(jobs);
    if (during) await during();
    return pages;
  });
  return rendered;
}

async function stateAndVersion(month: string, version = 1) {
  const state = (await loadMonthState(month))!;
  return { state, v: state.packVersions.find((x) => x.version === version)! };
}

const text = (page: { body: { identity: Buffer } } | null) => page!.body.identity.toString("utf8");

/** Publishes version 2 of a month whose version 1 is published, as publishPack leaves the rows. */
async function publishSecondVersion(periodId: string, month: string, firstId: string) {
  const snapshot = sampleSnapshot(month, 2);
  const row = await db.packVersion.create({
    data: {
      periodId,
      version: 2,
      snapshot,
      contentHash: contentHash(snapshot),
      signedOffByName: "Dana Director",
      signedOffByRole: "DIRECTOR",
      publishedAt: new Date(),
      amendmentReason: "A figure was corrected",
    },
  });
  await db.packVersion.update({ where: { id: firstId }, data: { supersededById: row.id } });
}

afterEach(() => drawPagesInProcess());

describe("stored pack pages", () => {
  it("are rendered once per version and audience, each with its own navigation, no script and the pages' stylesheet", async () => {
    const month = uniqueMonth();
    const { ids } = await createPack(month, [{ published: true }]);
    const rendered = countingRenderer();
    expect(await storePackPages([month])).toBe(PACK_AUDIENCES.length);
    expect(rendered).toHaveLength(PACK_AUDIENCES.length);
    const rows = await db.storedPackPage.findMany({ where: { packVersionId: ids[0] } });
    expect(rows.map((r) => r.audience).sort()).toEqual([...PACK_AUDIENCES].sort());
    for (const r of rows) {
      // The same page three ways, and its hash.
      const page = zlib.gunzipSync(r.gzip);
      expect(zlib.brotliDecompressSync(r.br).equals(page)).toBe(true);
      expect(r.sha256).toBe(pageHash(page));
    }

    const { state, v } = await stateAndVersion(month);
    const panel = text(await publishedPage(state, v, "PANEL_MEMBER"));
    const admin = text(await publishedPage(state, v, "ADMIN"));
    const publicPage = text(await publishedPage(state, v, "PUBLIC"));
    expect(panel).toContain('id="pack-title"');
    expect(panel).not.toMatch(/<script/i);
    expect(panel).toContain(`<link rel="stylesheet" href="${packStylesheetHref()}"/>`);
    expect(panel).toContain("Signed in as a scrutiny panel member");
    expect(panel).toContain('href="/packs" aria-current="page"');
    expect(panel).not.toContain(">Administration<");
    expect(admin).toContain("Signed in as an administrator");
    expect(admin).toContain(">Administration<");
    expect(publicPage).not.toContain("Signed in");
    expect(publicPage).not.toContain('id="navigation"');
    // Served from what was stored: nothing rendered again, and a second store finds nothing to do.
    expect(rendered).toHaveLength(PACK_AUDIENCES.length);
    expect(await storePackPages([month])).toBe(0);
  });

  it("render a version again when an amendment supersedes it, with the notice and the longer amendment log", async () => {
    const month = uniqueMonth();
    const { period, ids } = await createPack(month, [{ published: true }]);
    await storePackPages([month]);
    await publishSecondVersion(period.id, month, ids[0]);
    const rendered = countingRenderer();
    expect(await storePackPages([month])).toBe(2 * PACK_AUDIENCES.length);
    expect(rendered.filter((r) => r.includes(" v1 "))).toHaveLength(PACK_AUDIENCES.length);
    const { state, v } = await stateAndVersion(month, 1);
    const page = text(await publishedPage(state, v, "PANEL_MEMBER"));
    expect(page).toContain("Superseded by version 2");
    expect(page).toContain("A figure was corrected");
  });

  it("never serve a page under a key that is not its own: an amendment published while it renders is rendered again", async () => {
    const month = uniqueMonth();
    const { period, ids } = await createPack(month, [{ published: true }]);
    const before = await stateAndVersion(month);
    const oldKey = pageKeyOf(publishedPageMeta(before.state, before.v), "PANEL_MEMBER");
    // The interleaving, forced: version 2 is published after the render read the month, before it stored.
    let once = false;
    countingRenderer(async () => {
      if (once) return;
      once = true;
      await publishSecondVersion(period.id, month, ids[0]);
    });
    await storePackPages([month], { versionId: ids[0] });
    const stored = await db.storedPackPage.findUniqueOrThrow({
      where: { packVersionId_audience: { packVersionId: ids[0], audience: "PANEL_MEMBER" } },
    });
    // Stored under the key of what it shows (the month before the amendment), not the current one.
    expect(stored.pageKey).toBe(oldKey);
    expect(zlib.gunzipSync(stored.gzip).toString("utf8")).not.toContain("Superseded by version 2");

    const after = await stateAndVersion(month);
    const newKey = pageKeyOf(publishedPageMeta(after.state, after.v), "PANEL_MEMBER");
    expect(newKey).not.toBe(oldKey);
    const page = text(await publishedPage(after.state, after.v, "PANEL_MEMBER"));
    expect(page).toContain("Superseded by version 2");
    const now = await db.storedPackPage.findUniqueOrThrow({
      where: { packVersionId_audience: { packVersionId: ids[0], audience: "PANEL_MEMBER" } },
    });
    expect(now.pageKey).toBe(newKey);
  });

  it("store nothing for a version whose snapshot fails its hash, and serve nothing for it", async () => {
    const month = uniqueMonth();
    const { ids } = await createPack(month, [{ published: true }]);
    await db.$executeRaw`update "PackVersion" set snapshot = jsonb_set(snapshot::jsonb, '{title}', '"Changed"') where id = ${ids[0]}::uuid`;
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (...a: unknown[]) => void errors.push(a);
    try {
      const rendered = countingRenderer();
      expect(await storePackPages([month])).toBe(0);
      const { state, v } = await stateAndVersion(month);
      expect(await publishedPage(state, v, "PANEL_MEMBER")).toBeNull();
      expect(rendered).toHaveLength(0);
      expect(await db.storedPackPage.count({ where: { packVersionId: ids[0] } })).toBe(0);
      expect(String(errors[0])).toContain("failed its integrity check");
    } finally {
      console.error = log;
    }
  });
});

describe("a stored page changed outside the app", () => {
  it("is refused and rendered again, never served", async () => {
    const month = uniqueMonth();
    const { ids } = await createPack(month, [{ published: true }]);
    await storePackPages([month]);
    const where = { packVersionId_audience: { packVersionId: ids[0], audience: "PANEL_MEMBER" } };
    const original = await db.storedPackPage.findUniqueOrThrow({ where });
    // Someone with write access to the table puts in a page of their own, with a matching hash.
    const forged = Buffer.from(zlib.gunzipSync(original.gzip).toString("utf8").replace("Children's Services", "Forged Services"));
    await db.storedPackPage.update({
      where,
      data: {
        gzip: new Uint8Array(zlib.gzipSync(forged)),
        br: new Uint8Array(zlib.brotliCompressSync(forged)),
        sha256: pageHash(forged),
      },
    });
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (...a: unknown[]) => void errors.push(a);
    try {
      const { state, v } = await stateAndVersion(month);
      const served = text(await publishedPage(state, v, "PANEL_MEMBER"));
      expect(served).not.toContain("Forged Services");
      expect(served).toContain("Children&#x27;s Services");
      expect(String(errors[0])).toContain("does not match its hash or MAC");
      expect((await db.storedPackPage.findUniqueOrThrow({ where })).mac).toBe(original.mac);
    } finally {
      console.error = log;
    }
  });
});

describe("what a stored page shows besides its snapshot", () => {
  it("never names a version signed off but not yet published, to anyone", async () => {
    const month = uniqueMonth();
    await createPack(month, [{ published: true }, { published: false }]);
    await storePackPages([month]);
    const { state, v } = await stateAndVersion(month);
    for (const audience of ["PANEL_MEMBER", "DIRECTOR"] as const) {
      const page = text(await publishedPage(state, v, audience));
      expect(page).toContain('id="pack-title"');
      expect(page, audience).not.toMatch(/version 2/i);
    }
  });

  it("follows whether this server can make PDFs: the download is offered only where it can", async () => {
    const month = uniqueMonth();
    await createPack(month, [{ published: true }]);
    const { state, v } = await stateAndVersion(month);
    vi.stubEnv("CHROMIUM_PATH", "/nonexistent/chromium");
    const without = text(await publishedPage(state, v, "PANEL_MEMBER"));
    vi.stubEnv("CHROMIUM_PATH", process.execPath); // any file that exists
    const withPdf = text(await publishedPage(state, v, "PANEL_MEMBER"));
    vi.unstubAllEnvs();
    expect(without).not.toContain("Download PDF");
    expect(withPdf).toContain("Download PDF");
  });
});

describe("without the session secret", () => {
  it("stores no page (a server could not trust it), and says so", async () => {
    const month = uniqueMonth();
    await createPack(month, [{ published: true }]);
    const secret = process.env.NEXTAUTH_SECRET ?? "";
    vi.stubEnv("NEXTAUTH_SECRET", "");
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => void warnings.push(a);
    try {
      expect(await storePackPages([month])).toBe(0);
    } finally {
      console.warn = warn;
      vi.stubEnv("NEXTAUTH_SECRET", secret);
    }
    expect(String(warnings[0])).toContain("NEXTAUTH_SECRET is not set");
    expect(await db.storedPackPage.count({ where: { packVersion: { period: { month } } } })).toBe(0);
  });
});
