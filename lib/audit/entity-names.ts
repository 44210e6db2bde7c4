// Names for the things audit events are about, looked up now: an event stores only a type and an
// id. Deleted things, and types not listed here, show their id instead.
import "server-only";
import { db } from "@/lib/db";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findEntityNames(events: readonly { entityType: string; entityId: string }[]): Promise<Map<string, string>> {
  const idsOf = (type: string) => [...new Set(events.filter((e) => e.entityType === type && UUID.test(e.entityId)).map((e) => e.entityId))];
  const [users, sections, indicators, periods] = await Promise.all([
    lookup(idsOf("User"), (ids) => db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } }), (u) => `${u.name} (${u.email})`),
    lookup(idsOf("Section"), (ids) => db.section.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }), (s) => s.name),
    lookup(idsOf("Indicator"), (ids) => db.indicator.findMany({ where: { id: { in: ids } }, select: { id: true, code: true, name: true } }), (i) => `${i.code}: ${i.name}`),
    lookup(idsOf("Period"), (ids) => db.period.findMany({ where: { id: { in: ids } }, select: { id: true, month: true } }), (p) => p.month),
  ]);
  const names = new Map<string, string>();
  for (const [type, found] of [["User", users], ["Section", sections], ["Indicator", indicators], ["Period", periods]] as const) {
    for (const [id, name] of found) names.set(`${type}:${id}`, name);
  }
  return names;
}

async function lookup<T extends { id: string }>(ids: string[], find: (ids: string[]) => Promise<T[]>, name: (row: T) => string): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  return new Map((await find(ids)).map((row) => [row.id, name(row)]));
}

export const entityKey = (e: { entityType: string; entityId: string }) => `${e.entityType}:${e.entityId}`;
