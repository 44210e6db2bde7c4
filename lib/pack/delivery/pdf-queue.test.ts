// Staff PDFs of a view listing an unpublished version are made per request and never kept, so
// without a bound a burst of requests would queue Chromium renders without end.
import { describe, expect, it } from "vitest";
import { getPackPdf, type PdfRenderer } from "@/lib/pack/delivery/pdf-pack";
import { createPack } from "@/test/pack-fixtures-db";
import { createTestUser, uniqueMonth } from "@/test/factories";

describe("the staff PDF queue", () => {
  it("is bounded: requests beyond it are told to retry instead of waiting", async () => {
    const month = uniqueMonth();
    await createPack(month, [{ published: true }, { published: false }]);
    const director = (await createTestUser("DIRECTOR")).sessionUser;
    let renders = 0;
    const slow: PdfRenderer = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 300));
      return new TextEncoder().encode("%PDF-1.4 staff");
    };
    const results = await Promise.all(Array.from({ length: 8 }, () => getPackPdf(director, { month }, slow)));
    const busy = results.filter((r) => r.kind === "unavailable" && r.reason === "busy");
    expect(busy.length).toBeGreaterThanOrEqual(5);
    expect(renders).toBeLessThanOrEqual(3);
    expect(results.filter((r) => r.kind === "pdf").length).toBe(8 - busy.length);
    // Once the queue drains, a new request is served.
    expect(await getPackPdf(director, { month }, slow)).toMatchObject({ kind: "pdf", shared: false });
  });
});
