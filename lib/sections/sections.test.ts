import { describe, expect, it } from "vitest";
import { stringContaining } from "@/test/matchers";
import { db } from "@/lib/db";
import { createSection } from "@/lib/sections/create-section";
import { renameSection } from "@/lib/sections/rename-section";
import { moveSection } from "@/lib/sections/move-section";
import { setSectionOwners } from "@/lib/sections/set-section-owners";
import { findSectionForAdmin, listSectionsForAdmin } from "@/lib/sections/list-sections";
import { slugify } from "@/lib/sections/section-input";
import { createTestUser, unique } from "@/test/factories";

describe("slugify", () => {
  it("makes a readable slug from a section name", () => {
    expect(slugify("Timescales / Child protection")).toBe("timescales-child-protection");
    expect(slugify("Corporate parenting & Children looked after")).toBe("corporate-parenting-and-children-looked-after");
    expect(slugify("  Éducation  ")).toBe("education");
    expect(slugify("!!!")).toBe("section");
  });
});

describe("createSection", () => {
  it("adds the section last, with a slug from its name, and audits it", async () => {
    const admin = await createTestUser("ADMIN");
    const name = unique("Early help");
    const created = await createSection(admin.sessionUser, { name });
    expect(created.slug).toBe(slugify(name));
    const { _max } = await db.section.aggregate({ _max: { order: true } });
    expect(created.order).toBeLessThanOrEqual(_max.order!);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "section.created", entityId: created.id } });
    expect(audit.after).toEqual({ name, slug: created.slug, order: created.order });
  });

  it("refuses a name already used (any letter case) and makes clashing slugs unique", async () => {
    const admin = await createTestUser("ADMIN");
    const name = unique("Adoption");
    const first = await createSection(admin.sessionUser, { name });
    await expect(createSection(admin.sessionUser, { name: name.toUpperCase() })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { name: `There is already a section called ${name}` },
    });
    const second = await createSection(admin.sessionUser, { name: `${name}!` });
    expect(second.slug).toBe(`${first.slug}-2`);
  });

  it("refuses a service lead", async () => {
    const lead = await createTestUser("SERVICE_LEAD");
    await expect(createSection(lead.sessionUser, { name: unique("Lead's section") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listSectionsForAdmin(lead.sessionUser)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("renameSection", () => {
  it("renames, keeps the slug and audits the old and new names", async () => {
    const admin = await createTestUser("ADMIN");
    const section = await createSection(admin.sessionUser, { name: unique("Old name") });
    const name = unique("New name");
    await renameSection(admin.sessionUser, { id: section.id, name, expectedUpdatedAt: section.updatedAt });
    expect(await db.section.findUniqueOrThrow({ where: { id: section.id } })).toMatchObject({ name, slug: section.slug });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "section.renamed", entityId: section.id } });
    expect(audit).toMatchObject({ before: { name: section.name }, after: { name } });
  });

  it("refuses a rename based on an out-of-date version, and a name another section has", async () => {
    const admin = await createTestUser("ADMIN");
    const section = await createSection(admin.sessionUser, { name: unique("Section") });
    const other = await createSection(admin.sessionUser, { name: unique("Other") });
    await renameSection(admin.sessionUser, { id: section.id, name: unique("First"), expectedUpdatedAt: section.updatedAt });
    await expect(
      renameSection(admin.sessionUser, { id: section.id, name: unique("Second"), expectedUpdatedAt: section.updatedAt }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const fresh = await db.section.findUniqueOrThrow({ where: { id: section.id } });
    await expect(
      renameSection(admin.sessionUser, { id: section.id, name: other.name, expectedUpdatedAt: fresh.updatedAt }),
    ).rejects.toMatchObject({ fieldErrors: { name: `There is already a section called ${other.name}` } });
  });
});

describe("moveSection", () => {
  it("swaps a section with its neighbour and audits the new order", async () => {
    const admin = await createTestUser("ADMIN");
    const a = await createSection(admin.sessionUser, { name: unique("Move A") });
    const b = await createSection(admin.sessionUser, { name: unique("Move B") });
    const positions = async () => (await listSectionsForAdmin(admin.sessionUser)).map((s) => s.id);
    const before = await positions();
    const result = await moveSection(admin.sessionUser, { id: b.id, direction: "up" });
    const after = await positions();
    expect(after.indexOf(b.id)).toBe(before.indexOf(b.id) - 1);
    expect(after.indexOf(a.id)).toBeGreaterThan(after.indexOf(b.id));
    expect(result).toMatchObject({ name: b.name, position: before.indexOf(b.id) });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "section.moved", entityId: b.id } });
    expect(audit.after).toMatchObject({ position: before.indexOf(b.id) });
  });

  it("repairs tied positions by renumbering", async () => {
    const admin = await createTestUser("ADMIN");
    const a = await createSection(admin.sessionUser, { name: unique("Tie A") });
    const b = await createSection(admin.sessionUser, { name: unique("Tie B") });
    await db.section.update({ where: { id: b.id }, data: { order: a.order } });
    const list = await listSectionsForAdmin(admin.sessionUser);
    const [first, second] = list.filter((s) => s.id === a.id || s.id === b.id);
    await moveSection(admin.sessionUser, { id: second.id, direction: "up" });
    const moved = await db.section.findMany({ where: { id: { in: [a.id, b.id] } } });
    const orderOf = (id: string) => moved.find((s) => s.id === id)!.order;
    expect(orderOf(second.id)).toBeLessThan(orderOf(first.id));
  });

  it("refuses to move the first section up", async () => {
    const admin = await createTestUser("ADMIN");
    const [first] = await listSectionsForAdmin(admin.sessionUser);
    const target = first ?? (await createSection(admin.sessionUser, { name: unique("Only") }));
    await expect(moveSection(admin.sessionUser, { id: target.id, direction: "up" })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
      message: `${target.name} is already first`,
    });
  });
});

describe("setSectionOwners", () => {
  it("adds and removes owners, and audits who changed", async () => {
    const admin = await createTestUser("ADMIN");
    const [lead1, lead2] = [await createTestUser("SERVICE_LEAD"), await createTestUser("SERVICE_LEAD")];
    const section = await createSection(admin.sessionUser, { name: unique("Owned") });
    const saved = await setSectionOwners(admin.sessionUser, {
      id: section.id,
      ownerIds: [lead1.id, lead2.id],
      expectedUpdatedAt: section.updatedAt,
    });
    expect(saved.owners).toEqual([lead1.name, lead2.name].sort());
    let found = await findSectionForAdmin(admin.sessionUser, section.slug);
    expect(found?.ownerIds.sort()).toEqual([lead1.id, lead2.id].sort());
    await setSectionOwners(admin.sessionUser, { id: section.id, ownerIds: [lead2.id], expectedUpdatedAt: found!.updatedAt });
    found = await findSectionForAdmin(admin.sessionUser, section.slug);
    expect(found?.ownerIds).toEqual([lead2.id]);
    const events = await db.auditEvent.findMany({
      where: { action: "section.owners.changed", entityId: section.id },
      orderBy: { id: "asc" },
    });
    expect(events).toHaveLength(2);
    expect(events[1].after).toMatchObject({ removed: [lead1.name], added: [] });
  });

  it("only adds active service leads, and keeps a former lead until unticked", async () => {
    const admin = await createTestUser("ADMIN");
    const director = await createTestUser("DIRECTOR");
    const inactiveLead = await createTestUser("SERVICE_LEAD", { active: false });
    const lead = await createTestUser("SERVICE_LEAD");
    const section = await createSection(admin.sessionUser, { name: unique("Strict") });
    for (const id of [director.id, inactiveLead.id]) {
      await expect(
        setSectionOwners(admin.sessionUser, { id: section.id, ownerIds: [id], expectedUpdatedAt: section.updatedAt }),
      ).rejects.toMatchObject({ fieldErrors: { ownerIds: stringContaining("active service leads") } });
    }
    expect(await db.sectionOwner.count({ where: { sectionId: section.id } })).toBe(0);
    await setSectionOwners(admin.sessionUser, { id: section.id, ownerIds: [lead.id], expectedUpdatedAt: section.updatedAt });
    await db.user.update({ where: { id: lead.id }, data: { active: false } });
    const found = await findSectionForAdmin(admin.sessionUser, section.slug);
    expect(found?.formerLeads.map((u) => u.id)).toEqual([lead.id]);
    expect(found?.leads.some((u) => u.id === lead.id)).toBe(false);
    await setSectionOwners(admin.sessionUser, { id: section.id, ownerIds: [lead.id], expectedUpdatedAt: found!.updatedAt });
    expect(await db.sectionOwner.count({ where: { sectionId: section.id } })).toBe(1);
  });

  it("refuses an out-of-date form and a non-administrator", async () => {
    const admin = await createTestUser("ADMIN");
    const lead = await createTestUser("SERVICE_LEAD");
    const section = await createSection(admin.sessionUser, { name: unique("Contested") });
    await renameSection(admin.sessionUser, { id: section.id, name: unique("Renamed"), expectedUpdatedAt: section.updatedAt });
    await expect(
      setSectionOwners(admin.sessionUser, { id: section.id, ownerIds: [lead.id], expectedUpdatedAt: section.updatedAt }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      setSectionOwners(lead.sessionUser, { id: section.id, ownerIds: [lead.id], expectedUpdatedAt: section.updatedAt }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.sectionOwner.count({ where: { sectionId: section.id } })).toBe(0);
  });
});
