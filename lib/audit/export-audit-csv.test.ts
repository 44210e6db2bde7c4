import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exportAuditCsv } from "@/lib/audit/export-audit-csv";
import { parseAuditFilters } from "@/lib/audit/audit-filters";
import { createTestUser, unique } from "@/test/factories";

async function exportText(actor: Parameters<typeof exportAuditCsv>[0], params: Record<string, string>) {
  const { page: _p, ...filters } = parseAuditFilters(params).filters;
  // Keep the byte order mark, which Response.text() would drop.
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(await exportAuditCsv(actor, filters)).arrayBuffer());
}

describe("exportAuditCsv", () => {
  it("streams a header and every matching event, in batches, with the page's filters", async () => {
    const admin = (await createTestUser("ADMIN")).sessionUser;
    const entityId = unique("exported");
    await db.auditEvent.createMany({
      data: Array.from({ length: 1203 }, (_, i) => ({
        at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
        actorName: "Bulk",
        actorRole: "ADMIN",
        action: i % 2 ? "thing.odd" : "thing.even",
        entityType: "Thing",
        entityId,
        after: { i },
      })),
    });
    const text = await exportText(admin, { entityId });
    expect(text.startsWith("\uFEFFTime (UTC),Who,Role,Action,Action code,Entity type,Entity,Entity ID,Period,Before,After\r\n")).toBe(true);
    const lines = text.trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + 1203);
    expect(lines[1]).toBe(`2026-01-01T00:20:02.000Z,Bulk,Administrator,Thing even,thing.even,Thing,,${entityId},,,"{""i"":1202}"`);
    expect(new Set(lines.slice(1)).size).toBe(1203);
    const odd = (await exportText(admin, { entityId, action: "thing.odd" })).trimEnd().split("\r\n");
    expect(odd).toHaveLength(1 + 601);
  });

  it("defuses formulas in names and values, and records that the log was exported", async () => {
    const admin = (await createTestUser("ADMIN")).sessionUser;
    const entityId = unique("formula");
    await db.auditEvent.create({
      data: {
        actorName: '=HYPERLINK("http://x","y")',
        action: "thing.done",
        entityType: "Thing",
        entityId,
        periodMonth: "2019-08",
        after: "@SUM(1)",
      },
    });
    const [, row] = (await exportText(admin, { entityId })).trimEnd().split("\r\n");
    expect(row).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(row).toContain(",2019-08,,'@SUM(1)");
    const recorded = await db.auditEvent.findFirst({ where: { action: "audit.exported", actorId: admin.id } });
    expect(recorded?.after).toEqual({ filters: { entityId } });
  });

  it("is refused to everyone but administrators", async () => {
    for (const role of ["SERVICE_LEAD", "DIRECTOR", "PANEL_MEMBER"] as const) {
      const actor = (await createTestUser(role)).sessionUser;
      await expect(exportAuditCsv(actor, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(exportAuditCsv(null, {})).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
