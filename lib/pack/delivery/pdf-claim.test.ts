// The PDF render claim on a real database: of many servers asked for a version's PDF at once, one
// renders it and the rest wait for the stored copy; a server's own renders are bounded. Two servers
// are two fresh copies of the module (their own in-process queue and counters, their own pool).
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { PdfRenderer } from "@/lib/pack/delivery/pdf-pack";
import { claimPdfRender, pdfRenderClaimed, releasePdfRender } from "@/lib/pack/delivery/pdf-claim";
import { createPack } from "@/test/pack-fixtures-db";
import { loadMonthState } from "@/lib/pack/delivery/find-pack";
import { currentPageKey } from "@/lib/pack/delivery/stored-pack-pages";
import { createTestUser, uniqueMonth } from "@/test/factories";
import { findPdfRenderLimitProblem, pdfRendersPerProcess } from "@/lib/config/pdf-renders.mjs";

type PdfModule = typeof import("@/lib/pack/delivery/pdf-pack");

/** The key of a version's stored page for a signed-out reader, as the server that printed its PDF stores it. */
async function publicPageKeyOf(month: string, versionId: string): Promise<string> {
  const period = await loadMonthState(month);
  const version = period?.packVersions.find((v) => v.id === versionId);
  if (!period || !version) throw new Error(`no published version ${versionId} in ${month}`);
  return currentPageKey(period, version, "PUBLIC");
}
/** Another app process: the module loaded afresh, so nothing in memory is shared with the first. */
async function anotherServer(): Promise<PdfModule> {
  vi.resetModules();
  return import("@/lib/pack/delivery/pdf-pack");
}

function countingChromium(ms = 200) {
  let renders = 0;
  const render: PdfRenderer = async (path) => {
    renders++;
    await new Promise((r) => setTimeout(r, ms));
    return new TextEncoder().encode(`%PDF-1.4 ${path} render ${renders}`);
  };
  return { render, renders: () => renders };
}
const panel = async () => (await createTestUser("PANEL_MEMBER")).sessionUser;
const rendersCounted = async (packVersionId: string) => (await db.packPdfRender.findUnique({ where: { packVersionId } }))?.renders ?? 0;

describe("the PDF render claim", () => {
  it("goes to exactly one of 20 concurrent claimants, and to another once given up or expired", async () => {
    const {
      ids: [id],
    } = await createPack(uniqueMonth(), [{ published: true }]);
    const tokens = await Promise.all(Array.from({ length: 20 }, () => claimPdfRender(id)));
    const winners = tokens.filter((t): t is string => t !== null);
    expect(winners).toHaveLength(1);
    expect(await pdfRenderClaimed(id)).toBe(true);
    expect(await claimPdfRender(id)).toBeNull();
    await releasePdfRender(id, "someone-else's-token", true); // only the holder can release it
    expect(await pdfRenderClaimed(id)).toBe(true);
    await releasePdfRender(id, winners[0], true);
    expect(await pdfRenderClaimed(id)).toBe(false);
    expect(await rendersCounted(id)).toBe(1);
    // A claim whose holder died is taken over once its lease has run out.
    const held = await claimPdfRender(id);
    expect(held).not.toBeNull();
    await db.$executeRaw`UPDATE "PackPdfRender" SET "claimedAt" = now() - interval '10 minutes' WHERE "packVersionId" = ${id}::uuid`;
    expect(await pdfRenderClaimed(id)).toBe(false);
    expect(await claimPdfRender(id)).not.toBeNull();
  });

  it("makes one PDF for 20 concurrent first requests spread over two servers, and counts one render", async () => {
    const month = uniqueMonth();
    const {
      ids: [id],
    } = await createPack(month, [{ published: true }]);
    const serverA = await anotherServer();
    const serverB = await anotherServer();
    expect(serverA).not.toBe(serverB);
    const chromiumA = countingChromium();
    const chromiumB = countingChromium();
    const readers = await Promise.all(Array.from({ length: 20 }, () => panel()));
    const results = await Promise.all(
      readers.map((reader, i) =>
        i % 2
          ? serverB.getPackPdf(reader, { month }, chromiumB.render, { pollMs: 50 })
          : serverA.getPackPdf(reader, { month }, chromiumA.render, { pollMs: 50 }),
      ),
    );
    expect(chromiumA.renders() + chromiumB.renders()).toBe(1);
    expect(results.every((r) => r.kind === "pdf")).toBe(true);
    expect(new Set(results.map((r) => (r.kind === "pdf" ? r.pdf.toString() : r.kind))).size).toBe(1);
    expect(await rendersCounted(id)).toBe(1);
    expect(await pdfRenderClaimed(id)).toBe(false);
  });

  it("waits for another server's render rather than making its own, and says 'waited' if it takes too long", async () => {
    const month = uniqueMonth();
    const {
      ids: [id],
    } = await createPack(month, [{ published: true }]);
    const server = await anotherServer();
    const chromium = countingChromium();
    const elsewhere = await claimPdfRender(id); // another server is rendering it
    expect(elsewhere).not.toBeNull();
    const started = Date.now();
    expect(await server.getPackPdf(await panel(), { month }, chromium.render, { waitMs: 400, pollMs: 50 })).toEqual({
      kind: "unavailable",
      version: 1,
      reason: "waited",
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    // The other server stores its PDF while this one waits: the waiter is given those bytes.
    const waiting = server.getPackPdf(await panel(), { month }, chromium.render, { waitMs: 10_000, pollMs: 50 });
    await new Promise((r) => setTimeout(r, 300));
    await db.packPdf.create({
      data: {
        packVersionId: id,
        contentHash: (await db.packVersion.findUniqueOrThrow({ where: { id } })).contentHash,
        pageKey: await publicPageKeyOf(month, id),
        pdf: new TextEncoder().encode("%PDF-1.4 from the other server"),
      },
    });
    await releasePdfRender(id, elsewhere!, true);
    const got = await waiting;
    expect(got).toMatchObject({ kind: "pdf", fromCache: true });
    expect(got.kind === "pdf" && got.pdf.toString()).toBe("%PDF-1.4 from the other server");
    expect(chromium.renders()).toBe(0);
  });

  it("bounds a server's own renders: beyond PDF_RENDERS_PER_PROCESS a request is answered busy at once", async () => {
    const first = uniqueMonth();
    const second = uniqueMonth();
    await createPack(first, [{ published: true }]);
    const {
      ids: [secondId],
    } = await createPack(second, [{ published: true }]);
    const server = await anotherServer();
    const slow = countingChromium(600);
    const running = server.getPackPdf(await panel(), { month: first }, slow.render, { rendersPerProcess: 1 });
    await expect.poll(() => slow.renders(), { timeout: 10_000, interval: 20 }).toBe(1);
    expect(await server.getPackPdf(await panel(), { month: second }, slow.render, { rendersPerProcess: 1 })).toEqual({
      kind: "unavailable",
      version: 1,
      reason: "busy",
    });
    // A full server still waits for a PDF another server is making, rather than refusing it.
    const elsewhere = await claimPdfRender(secondId);
    const waiting = server.getPackPdf(await panel(), { month: second }, slow.render, { rendersPerProcess: 1, waitMs: 300, pollMs: 50 });
    expect(await waiting).toMatchObject({ kind: "unavailable", reason: "waited" });
    await releasePdfRender(secondId, elsewhere!, false);
    expect(await running).toMatchObject({ kind: "pdf", fromCache: false });
    expect(await server.getPackPdf(await panel(), { month: second }, slow.render, { rendersPerProcess: 1 })).toMatchObject({
      kind: "pdf",
      fromCache: false,
    });
    expect(slow.renders()).toBe(2);
  });

  it("takes PDF_RENDERS_PER_PROCESS from the environment, and names it when it is malformed", () => {
    expect(pdfRendersPerProcess({})).toBe(2);
    expect(pdfRendersPerProcess({ PDF_RENDERS_PER_PROCESS: " 4 " })).toBe(4);
    for (const bad of ["0", "-1", "1.5", "two", "17"]) {
      expect(findPdfRenderLimitProblem(bad)).toMatch(/PDF_RENDERS_PER_PROCESS must be a whole number from 1 to 16/);
      expect(() => pdfRendersPerProcess({ PDF_RENDERS_PER_PROCESS: bad })).toThrow(/PDF_RENDERS_PER_PROCESS/);
    }
    expect(findPdfRenderLimitProblem("")).toBeNull();
  });
});
