// Downloads on a real database: the same readers and versions as the pack page, figures only from
// the frozen snapshot, the JSON verifiable against its hash.
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import { exportPack } from "@/lib/pack/delivery/export-pack";
import { verifyContentHash } from "@/lib/pack/snapshot/content-hash";
import type { PackSnapshot } from "@/lib/pack/snapshot/snapshot-types";
import { createPack } from "@/test/pack-fixtures-db";
import { createTestUser, uniqueMonth } from "@/test/factories";

const panel = async () => (await createTestUser("PANEL_MEMBER")).sessionUser;
const director = async () => (await createTestUser("DIRECTOR")).sessionUser;

describe("pack downloads", () => {
  it("gives a panel member the latest published version as CSV, Excel and JSON", async () => {
    const month = uniqueMonth();
    const { ids } = await createPack(month, [{ published: true }, { published: true }]);
    const reader = await panel();
    const csv = await exportPack(reader, { month, format: "csv" });
    expect(csv).toMatchObject({ version: 2, published: true, filename: `northbridge-performance-pack-${month}-v2.csv` });
    expect(csv.body).toContain(`${month},Demand,CONTACTS,Contacts,Number,1337,1861,-524,1200,137,`);

    const xlsx = await exportPack(reader, { month, format: "xlsx", version: 1 });
    expect(xlsx.filename).toBe(`northbridge-performance-pack-${month}-v1.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Figures")!.getRow(2).getCell(6).value).toBe(1337);

    const json = JSON.parse((await exportPack(reader, { month, format: "json" })).body as string) as {
      contentHash: string;
      snapshot: PackSnapshot;
    };
    const stored = await db.packVersion.findUniqueOrThrow({ where: { id: ids[1] } });
    expect(json).toMatchObject({ month, version: 2, contentHash: stored.contentHash });
    expect(json.snapshot).toEqual(stored.snapshot);
    expect(verifyContentHash(json.snapshot, json.contentHash)).toBe(true);
  });

  it("follows the page's version rules: unpublished versions for staff only, missing versions not found", async () => {
    const month = uniqueMonth();
    await createPack(month, [{ published: true }, { published: false }]);
    const reader = await panel();
    expect((await exportPack(reader, { month, format: "csv" })).version).toBe(1);
    await expect(exportPack(reader, { month, format: "csv", version: 2 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(exportPack(reader, { month, format: "json", version: 3 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(exportPack(reader, { month: "2019-13", format: "csv" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const staff = await exportPack(await director(), { month, format: "csv", version: 2 });
    expect(staff).toMatchObject({ version: 2, published: false });
    await expect(exportPack(null, { month, format: "csv" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("has nothing to download before sign-off, and refuses a tampered snapshot", async () => {
    const month = uniqueMonth();
    const { ids } = await createPack(month, [{ published: true }]);
    await db.$executeRaw`UPDATE "PackVersion" SET snapshot = jsonb_set(snapshot, '{sections,0,indicators,0,value}', '1338') WHERE id = ${ids[0]}::uuid`;
    const error = console.error;
    console.error = () => {};
    try {
      await expect(exportPack(await panel(), { month, format: "json" })).rejects.toMatchObject({ code: "CONFLICT" });
    } finally {
      console.error = error;
    }
  });
});
