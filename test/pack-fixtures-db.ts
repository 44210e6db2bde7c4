// Test data: a month with pack versions stored as sign-off would store them (snapshot + its hash),
// published or not, each published one superseding the one before.
import { db } from "@/lib/db";
import { contentHash } from "@/lib/pack/snapshot/content-hash";
import { sampleSnapshot } from "@/test/pack-fixtures";
import { createPeriod } from "@/test/factories";

export async function createPack(month: string, versions: { published: boolean }[]) {
  const period = await createPeriod({ month, status: versions.at(-1)?.published ? "PUBLISHED" : "SIGNED_OFF" });
  const ids: string[] = [];
  for (const [i, v] of versions.entries()) {
    const snapshot = sampleSnapshot(month, i + 1);
    const row = await db.packVersion.create({
      data: {
        periodId: period.id,
        version: i + 1,
        snapshot,
        contentHash: contentHash(snapshot),
        signedOffByName: "Dana Director",
        signedOffByRole: "DIRECTOR",
        publishedAt: v.published ? new Date(Date.now() - 60_000 + i * 1000) : null,
      },
    });
    if (i > 0 && v.published) await db.packVersion.update({ where: { id: ids[i - 1] }, data: { supersededById: row.id } });
    ids.push(row.id);
  }
  return { period, ids };
}

/**
 * Sign-off reads the whole catalogue, so sections that belong to other tests would make this test's
 * month not ready: approve their commentary and mark their figures not available, in this month only.
 */
export async function approveEverythingElse(periodId: string, sectionIds: string[]) {
  const others = await db.section.findMany({ where: { id: { notIn: sectionIds } } });
  for (const s of others) {
    await db.commentary.upsert({
      where: { sectionId_periodId: { sectionId: s.id, periodId } },
      create: { sectionId: s.id, periodId, body: "ok", status: "APPROVED" },
      update: { status: "APPROVED" },
    });
  }
  const indicators = await db.indicator.findMany({ where: { active: true, sectionId: { notIn: sectionIds } } });
  await db.indicatorValue.createMany({
    data: indicators.map((i) => ({
      indicatorId: i.id,
      periodId,
      notAvailableReason: "Not collected",
      source: "ENTRY" as const,
      updatedByName: "t",
    })),
    skipDuplicates: true,
  });
}
