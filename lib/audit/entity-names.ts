// Names for the things audit events are about, looked up now: an event stores only a type and an
// id. Deleted things, and types not listed here, show their id instead.
import "server-only";
import { db } from "@/lib/db";
import { formatShortMonth } from "@/lib/format/dates";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Namer = (ids: string[]) => Promise<[string, string][]>;

const NAMERS: Record<string, Namer> = {
  PanelQuestion: async (ids) =>
    (
      await db.panelQuestion.findMany({
        where: { id: { in: ids } },
        select: { id: true, askedByName: true, period: { select: { month: true } } },
      })
    ).map((q) => [q.id, `Question from ${q.askedByName} on the ${formatShortMonth(q.period.month)} pack`]),
  Recommendation: async (ids) =>
    (await db.recommendation.findMany({ where: { id: { in: ids } }, select: { id: true, number: true, meetingDate: true } })).map((r) => [
      r.id,
      `Recommendation ${r.number} of ${r.meetingDate.toISOString().slice(0, 10)}`,
    ]),
  User: async (ids) =>
    (await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } })).map((u) => [
      u.id,
      `${u.name} (${u.email})`,
    ]),
  Section: async (ids) =>
    (await db.section.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((s) => [s.id, s.name]),
  Indicator: async (ids) =>
    (await db.indicator.findMany({ where: { id: { in: ids } }, select: { id: true, code: true, name: true } })).map((i) => [
      i.id,
      `${i.code}: ${i.name}`,
    ]),
  Period: async (ids) =>
    (await db.period.findMany({ where: { id: { in: ids } }, select: { id: true, month: true } })).map((p) => [
      p.id,
      formatShortMonth(p.month),
    ]),
  PackVersion: async (ids) =>
    (
      await db.packVersion.findMany({
        where: { id: { in: ids } },
        select: { id: true, version: true, period: { select: { month: true } } },
      })
    ).map((v) => [v.id, `${formatShortMonth(v.period.month)} pack, version ${v.version}`]),
  Commentary: async (ids) =>
    (
      await db.commentary.findMany({
        where: { id: { in: ids } },
        select: { id: true, section: { select: { name: true } }, period: { select: { month: true } } },
      })
    ).map((c) => [c.id, `${c.section.name}, ${formatShortMonth(c.period.month)}`]),
  IndicatorValue: async (ids) =>
    (
      await db.indicatorValue.findMany({
        where: { id: { in: ids } },
        select: { id: true, indicator: { select: { code: true } }, period: { select: { month: true } } },
      })
    ).map((v) => [v.id, `${v.indicator.code}, ${formatShortMonth(v.period.month)}`]),
  Comparator: async (ids) =>
    (
      await db.comparator.findMany({
        where: { id: { in: ids } },
        select: { id: true, label: true, periodLabel: true, indicator: { select: { code: true } } },
      })
    ).map((c) => [c.id, `${c.indicator.code}: ${c.label} ${c.periodLabel}`]),
  ImportBatch: async (ids) =>
    (await db.importBatch.findMany({ where: { id: { in: ids } }, select: { id: true, fileName: true } })).map((b) => [b.id, b.fileName]),
};

export const entityKey = (e: { entityType: string; entityId: string }) => `${e.entityType}:${e.entityId}`;

export async function findEntityNames(events: readonly { entityType: string; entityId: string }[]): Promise<Map<string, string>> {
  const byType = new Map<string, Set<string>>();
  for (const e of events) {
    if (!Object.hasOwn(NAMERS, e.entityType) || !UUID.test(e.entityId)) continue;
    byType.set(e.entityType, (byType.get(e.entityType) ?? new Set()).add(e.entityId));
  }
  const found = await Promise.all(
    [...byType].map(async ([type, ids]) => (await NAMERS[type]([...ids])).map(([id, name]) => [`${type}:${id}`, name] as const)),
  );
  return new Map(found.flat());
}
