// PDFs are made one at a time per process (Chromium on a small machine), and at most
// PDF_RENDERS_PER_PROCESS may run or wait: without a bound, first requests for many versions at once
// would queue Chromium renders without end. Requests beyond it are told to retry.
import { describe, expect, it } from "vitest";
import { getPackPdf, type PdfRenderer } from "@/lib/pack/delivery/pdf-pack";
import { createPack } from "@/test/pack-fixtures-db";
import { createTestUser, uniqueMonth } from "@/test/factories";

describe("the PDF queue", () => {
  it("is bounded: first requests for more versions than it holds are told to retry instead of waiting", async () => {
    const months = Array.from({ length: 8 }, () => uniqueMonth());
    for (const month of months) await createPack(month, [{ published: true }]);
    const panel = (await createTestUser("PANEL_MEMBER")).sessionUser;
    let renders = 0;
    const slow: PdfRenderer = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 300));
      return new TextEncoder().encode("%PDF-1.4");
    };
    const results = await Promise.all(months.map((month) => getPackPdf(panel, { month }, slow, { rendersPerProcess: 2 })));
    const busy = results.filter((r) => r.kind === "unavailable" && r.reason === "busy");
    expect(busy.length).toBeGreaterThanOrEqual(5);
    expect(renders).toBeLessThanOrEqual(3);
    expect(results.filter((r) => r.kind === "pdf").length).toBe(8 - busy.length);
    // Once the queue drains, a new request is served.
    const waiting = months[results.findIndex((r) => r.kind === "unavailable")];
    expect(await getPackPdf(panel, { month: waiting }, slow, { rendersPerProcess: 2 })).toMatchObject({ kind: "pdf", shared: true });
  });
});
