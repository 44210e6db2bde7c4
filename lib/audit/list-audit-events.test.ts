import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listAuditEvents, findAuditFilterOptions } from "@/lib/audit/list-audit-events";
import { AUDIT_PAGE_SIZE, parseAuditFilters } from "@/lib/audit/audit-filters";
import { createTestUser, unique } from "@/test/factories";

async function events(
  entityId: string,
  rows: { at: string; actorName?: string; actorId?: string; action?: string; entityType?: string }[],
) {
  for (const r of rows) {
    await db.auditEvent.create({
      data: {
        at: new Date(r.at),
        actorName: r.actorName ?? "Someone",
        actorId: r.actorId ?? null,
        actorRole: "ADMIN",
        action: r.action ?? "thing.done",
        entityType: r.entityType ?? "Thing",
        entityId,
      },
    });
  }
}

const list = async (actor: Parameters<typeof listAuditEvents>[0], params: Record<string, string>) =>
  listAuditEvents(actor, parseAuditFilters(params).filters);

describe("listAuditEvents", () => {
  it("lists newest first and filters by who (name or account email), action, entity type and UK dates", async () => {
    const admin = (await createTestUser("ADMIN")).sessionUser;
    const entityId = unique("thing");
    const actor = await createTestUser("DIRECTOR");
    await events(entityId, [
      { at: "2026-07-01T22:30:00Z", actorName: "Ola Early", action: "thing.made" },
      // 00:30 on 2 July in London (BST)
      { at: "2026-07-01T23:30:00Z", actorName: "Renamed Since", actorId: actor.id, action: "thing.changed" },
      { at: "2026-07-03T09:00:00Z", actorName: "Ola Early", action: "thing.changed", entityType: "Other" },
    ]);
    const all = await list(admin, { entityId });
    expect(all.events.map((e) => e.at.toISOString())).toEqual([
      "2026-07-03T09:00:00.000Z",
      "2026-07-01T23:30:00.000Z",
      "2026-07-01T22:30:00.000Z",
    ]);
    expect(all.total).toBe(3);

    expect((await list(admin, { entityId, who: "ola ear" })).total).toBe(2);
    // The event kept the name used then; the email finds it through the account.
    expect((await list(admin, { entityId, who: actor.email.slice(0, 12).toUpperCase() })).events.map((e) => e.actorName)).toEqual([
      "Renamed Since",
    ]);
    expect((await list(admin, { entityId, action: "thing.changed" })).total).toBe(2);
    expect((await list(admin, { entityId, entity: "Other" })).total).toBe(1);
    expect((await list(admin, { entityId, from: "2026-07-02" })).events.map((e) => e.actorName)).toEqual(["Ola Early", "Renamed Since"]);
    expect((await list(admin, { entityId, to: "2026-07-01" })).events.map((e) => e.action)).toEqual(["thing.made"]);
    expect((await list(admin, { entityId, "from-day": "2", "from-month": "7", "from-year": "2026", to: "2026-07-02" })).total).toBe(1);
  });

  it("pages 50 at a time and keeps a page past the end on the last page", async () => {
    const admin = (await createTestUser("ADMIN")).sessionUser;
    const entityId = unique("paged");
    await db.auditEvent.createMany({
      data: Array.from({ length: AUDIT_PAGE_SIZE + 3 }, (_, i) => ({
        at: new Date(Date.UTC(2026, 0, 1, 0, i)),
        actorName: `N${i}`,
        action: "thing.paged",
        entityType: "Thing",
        entityId,
      })),
    });
    const first = await list(admin, { entityId });
    expect(first).toMatchObject({ total: 53, page: 1, pageCount: 2 });
    expect(first.events).toHaveLength(50);
    expect(first.events[0].actorName).toBe("N52");
    const second = await list(admin, { entityId, page: "2" });
    expect(second.events.map((e) => e.actorName)).toEqual(["N2", "N1", "N0"]);
    expect((await list(admin, { entityId, page: "9" })).page).toBe(2);
  });

  it("names users, sections and indicators, and offers the actions and types that occur", async () => {
    const admin = (await createTestUser("ADMIN")).sessionUser;
    const person = await createTestUser("PANEL_MEMBER");
    const action = unique("named.action");
    await db.auditEvent.create({ data: { actorName: "X", action, entityType: "User", entityId: person.id } });
    await db.auditEvent.create({ data: { actorName: "X", action, entityType: "User", entityId: "not-a-uuid" } });
    const sectionName = unique("Named section");
    const section = await db.section.create({
      data: { name: sectionName, slug: sectionName.toLowerCase().replace(/\s+/g, "-"), order: 999 },
    });
    await db.auditEvent.create({ data: { actorName: "X", action, entityType: "Section", entityId: section.id } });
    const { events } = await list(admin, { action });
    expect(events.map((e) => e.entityName ?? "(id shown)").sort()).toEqual(
      [`${person.name} (${person.email})`, sectionName, "(id shown)"].sort(),
    );
    const options = await findAuditFilterOptions(admin);
    expect(options.actions).toContain(action);
    expect(options.entityTypes).toContain("User");
  });

  it("is refused to everyone but administrators", async () => {
    for (const role of ["SERVICE_LEAD", "DIRECTOR", "PANEL_MEMBER"] as const) {
      const actor = (await createTestUser(role)).sessionUser;
      await expect(list(actor, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(findAuditFilterOptions(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(list(null, {})).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
