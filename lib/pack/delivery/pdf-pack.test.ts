// The PDF cache on a real database, with a stand-in for Chromium (the browser tests print for real):
// made once per version from its stored page (the one a signed-out reader gets, so no session is in
// it), served from PackPdf after, never twice at once, never for drafts.
import { describe, expect, it } from "vitest";
import { stringMatching } from "@/test/matchers";
import { db } from "@/lib/db";
import { getPackPdf, type PdfRenderer } from "@/lib/pack/delivery/pdf-pack";
import { contentHash } from "@/lib/pack/snapshot/content-hash";
import { sampleSnapshot } from "@/test/pack-fixtures";
import { createPack } from "@/test/pack-fixtures-db";
import { createTestUser, uniqueMonth } from "@/test/factories";
import { formatMonth } from "@/lib/format/dates";
import { packStylesheetHref } from "@/lib/pack/render/pack-css";

/** What a printed page was: its title, and whether it names a reader or says it was superseded. */
const describePage = (html: string) =>
  [
    /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "no title",
    ...(html.includes("Signed in") ? ["signed in"] : []),
    ...(html.includes("Superseded by version") ? ["superseded"] : []),
  ].join(", ");

function fakeChromium() {
  const calls: string[] = [];
  const pages: string[] = [];
  const render: PdfRenderer = async (html, files) => {
    // The page's stylesheet goes with it: Chromium has no server to fetch it from.
    expect(Object.keys(files)).toEqual([packStylesheetHref()]);
    expect(html).toContain(`<link rel="stylesheet" href="${packStylesheetHref()}"/>`);
    calls.push(describePage(html));
    pages.push(html);
    await new Promise((r) => setTimeout(r, 50));
    return new TextEncoder().encode(`%PDF-1.4 fake #${calls.length}`);
  };
  return { calls, pages, render };
}

const title = (month: string) => `Performance pack, ${formatMonth(month)} - Scrutiny Pack - Northbridge City Council`;

const panel = async () => (await createTestUser("PANEL_MEMBER")).sessionUser;
const director = async () => (await createTestUser("DIRECTOR")).sessionUser;

describe("the pack PDF", () => {
  it("is made once per version, stored in PackPdf, and the second request is served from there", async () => {
    const month = uniqueMonth();
    const { ids } = await createPack(month, [{ published: true }]);
    const reader = await panel();
    const chromium = fakeChromium();
    const first = await getPackPdf(reader, { month }, chromium.render);
    if (first.kind !== "pdf") throw new Error("expected a PDF");
    expect(first).toMatchObject({ fromCache: false, shared: true, version: 1 });
    expect(chromium.calls).toEqual([title(month)]);
    const row = await db.packPdf.findUniqueOrThrow({ where: { packVersionId: ids[0] } });
    expect(row.contentHash).toBe(contentHash(sampleSnapshot(month, 1)));
    expect(Buffer.from(row.pdf).equals(first.pdf)).toBe(true);

    const second = await getPackPdf(await panel(), { month, version: 1 }, chromium.render);
    if (second.kind !== "pdf") throw new Error("expected a PDF");
    expect(second.fromCache).toBe(true);
    expect(second.pdf.equals(first.pdf)).toBe(true);
    expect(chromium.calls).toHaveLength(1);
    // Without Chromium a cached PDF is still served.
    expect(await getPackPdf(reader, { month }, null)).toMatchObject({ kind: "pdf", fromCache: true });
  });

  it("is printed again, once, when the page it was printed from has changed: an upgrade of the layout, or one made before pages had keys", async () => {
    const month = uniqueMonth();
    const { ids } = await createPack(month, [{ published: true }]);
    const reader = await panel();
    const chromium = fakeChromium();
    expect(await getPackPdf(reader, { month }, chromium.render)).toMatchObject({ kind: "pdf", fromCache: false });
    const printed = await db.packPdf.findUniqueOrThrow({ where: { packVersionId: ids[0] } });
    expect(printed.pageKey).toMatch(/^[0-9a-f]{32}$/);
    expect(await getPackPdf(reader, { month }, chromium.render)).toMatchObject({ kind: "pdf", fromCache: true });

    // As if printed by an older renderer (another layout or print stylesheet), then before the column existed.
    for (const pageKey of ["0".repeat(32), null]) {
      await db.packPdf.update({ where: { packVersionId: ids[0] }, data: { pageKey } });
      const again = await getPackPdf(reader, { month }, chromium.render);
      expect(again).toMatchObject({ kind: "pdf", fromCache: false });
      expect((await db.packPdf.findUniqueOrThrow({ where: { packVersionId: ids[0] } })).pageKey).toBe(printed.pageKey);
      expect(await getPackPdf(reader, { month }, chromium.render)).toMatchObject({ kind: "pdf", fromCache: true });
    }
    expect(chromium.calls).toEqual([title(month), title(month), title(month)]);
  });

  it("renders once when the first requests arrive together", async () => {
    const month = uniqueMonth();
    await createPack(month, [{ published: true }]);
    const chromium = fakeChromium();
    const results = await Promise.all([1, 2, 3].map(async () => getPackPdf(await panel(), { month }, chromium.render)));
    expect(chromium.calls).toHaveLength(1);
    const bytes = results.map((r) => (r.kind === "pdf" ? r.pdf.toString() : r.kind));
    expect(new Set(bytes).size).toBe(1);
  });

  it("says so, rather than failing, when there is no Chromium and no cached PDF", async () => {
    const month = uniqueMonth();
    await createPack(month, [{ published: true }]);
    expect(await getPackPdf(await panel(), { month }, null)).toEqual({ kind: "unavailable", version: 1, reason: "no-chromium" });
  });

  it("says so when Chromium fails, keeps nothing, and tries again next time", async () => {
    const month = uniqueMonth();
    const { ids } = await createPack(month, [{ published: true }]);
    const error = console.error;
    console.error = () => {};
    try {
      const failing: PdfRenderer = () => Promise.reject(new Error("Chromium crashed"));
      expect(await getPackPdf(await panel(), { month }, failing)).toEqual({ kind: "unavailable", version: 1, reason: "render-failed" });
    } finally {
      console.error = error;
    }
    expect(await db.packPdf.count({ where: { packVersionId: ids[0] } })).toBe(0);
    expect(await getPackPdf(await panel(), { month }, fakeChromium().render)).toMatchObject({ kind: "pdf", fromCache: false });
  });

  it("gives no PDF of a draft, an unpublished version or a version that does not exist", async () => {
    const month = uniqueMonth();
    await createPack(month, [{ published: false }]);
    const chromium = fakeChromium();
    await expect(getPackPdf(await panel(), { month }, chromium.render)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPackPdf(await director(), { month }, chromium.render)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPackPdf(await director(), { month, version: 1 }, chromium.render)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPackPdf(await panel(), { month, version: 7 }, chromium.render)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPackPdf(await panel(), { month: uniqueMonth() }, chromium.render)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPackPdf(null, { month }, chromium.render)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(chromium.calls).toEqual([]);
  });

  it("refuses a tampered snapshot with a conflict, never a PDF", async () => {
    const month = uniqueMonth();
    const { ids } = await createPack(month, [{ published: true }]);
    await db.$executeRaw`UPDATE "PackVersion" SET snapshot = jsonb_set(snapshot, '{council}', '"Tampered"') WHERE id = ${ids[0]}::uuid`;
    const chromium = fakeChromium();
    const error = console.error;
    console.error = () => {};
    try {
      await expect(getPackPdf(await panel(), { month }, chromium.render)).rejects.toMatchObject({
        code: "CONFLICT",
        message: stringMatching(/integrity check/),
      });
    } finally {
      console.error = error;
    }
    expect(chromium.calls).toEqual([]);
  });

  it("makes a superseded version's PDF again once, so it carries the superseded notice", async () => {
    const month = uniqueMonth();
    const { ids } = await createPack(month, [{ published: true }]);
    const chromium = fakeChromium();
    const reader = await panel();
    await getPackPdf(reader, { month }, chromium.render);
    // Version 2 is published after version 1's PDF was made.
    const snapshot = sampleSnapshot(month, 2);
    const v2 = await db.packVersion.create({
      data: {
        periodId: (await db.packVersion.findUniqueOrThrow({ where: { id: ids[0] } })).periodId,
        version: 2,
        snapshot,
        contentHash: contentHash(snapshot),
        signedOffByName: "D",
        signedOffByRole: "DIRECTOR",
        publishedAt: new Date(Date.now() + 1000),
      },
    });
    await db.packVersion.update({ where: { id: ids[0] }, data: { supersededById: v2.id } });
    await new Promise((r) => setTimeout(r, 1100));
    const again = await getPackPdf(reader, { month, version: 1 }, chromium.render);
    expect(again).toMatchObject({ kind: "pdf", fromCache: false });
    const third = await getPackPdf(reader, { month, version: 1 }, chromium.render);
    expect(third).toMatchObject({ kind: "pdf", fromCache: true });
    expect(chromium.calls).toEqual([title(month), `${title(month)}, superseded`]);
    expect(await db.packPdf.count({ where: { packVersionId: ids[0] } })).toBe(1);
  });

  it("is the same for staff and the panel, made once, and never names a version not yet published", async () => {
    const month = uniqueMonth();
    const { ids } = await createPack(month, [{ published: true }, { published: false }]);
    const chromium = fakeChromium();
    const staff = await getPackPdf(await director(), { month }, chromium.render);
    expect(staff).toMatchObject({ kind: "pdf", shared: true, fromCache: false, version: 1 });
    expect(await db.packPdf.count({ where: { packVersionId: ids[0] } })).toBe(1);
    const reader = await getPackPdf(await panel(), { month }, chromium.render);
    expect(reader).toMatchObject({ kind: "pdf", shared: true, fromCache: true, version: 1 });
    expect(chromium.calls).toEqual([title(month)]);
    expect(chromium.pages[0]).not.toMatch(/version 2/i);
  });
});
