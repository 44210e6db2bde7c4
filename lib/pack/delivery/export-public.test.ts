// Public packs (PUBLIC_PACKS=true): published packs and their downloads need no sign-in; drafts and
// everything else stay private, and the proxy lets only pack addresses through.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { createPack } from "@/test/pack-fixtures-db";
import { uniqueMonth } from "@/test/factories";

vi.stubEnv("PUBLIC_PACKS", "true");
vi.stubEnv("NEXTAUTH_SECRET", "test-secret-for-public-packs-0123456789");
let exportPack: typeof import("@/lib/pack/delivery/export-pack").exportPack;
let getPackPdf: typeof import("@/lib/pack/delivery/pdf-pack").getPackPdf;
let proxy: typeof import("@/proxy").proxy;

beforeAll(async () => {
  // appConfig reads PUBLIC_PACKS when first imported, so import after setting it.
  vi.resetModules();
  ({ exportPack } = await import("@/lib/pack/delivery/export-pack"));
  ({ getPackPdf } = await import("@/lib/pack/delivery/pdf-pack"));
  ({ proxy } = await import("@/proxy"));
});

describe("public packs", () => {
  it("lets a signed-out visitor download published versions, and nothing unpublished", async () => {
    const month = uniqueMonth();
    await createPack(month, [{ published: true }, { published: false }]);
    expect(await exportPack(null, { month, format: "csv" })).toMatchObject({ version: 1, published: true });
    await expect(exportPack(null, { month, format: "csv", version: 2 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const pdf = await getPackPdf(null, { month }, () => Promise.resolve(new TextEncoder().encode("%PDF-public")));
    expect(pdf).toMatchObject({ kind: "pdf", shared: true, version: 1 });
  });

  it("lets pack addresses through the proxy without a session, and still stops everything else", async () => {
    for (const path of [
      "/packs",
      "/packs/2019-07",
      "/packs/2019-07/pdf?version=1",
      "/packs/2019-07.csv",
      "/api/packs/2019-07/export/json",
    ]) {
      const res = await proxy(new NextRequest(`http://localhost${path}`));
      expect(res.status, path).toBe(200);
      expect(res.headers.get("x-middleware-next"), path).toBe("1");
    }
    expect((await proxy(new NextRequest("http://localhost/periods/2019-07"))).status).toBe(307);
    expect((await proxy(new NextRequest("http://localhost/packsmuggle"))).status).toBe(307);
    expect((await proxy(new NextRequest("http://localhost/api/periods/2019-07/imports"))).status).toBe(401);
  });
});
