// The counting the Annex A rules share: distinct (child, date) events, each child's record open at a
// date, and the checks on a read value. Spec "Rules used by several figures".
import type { Day } from "@/lib/annex-a/calendar";
import type { ListRow } from "@/lib/annex-a/read-annex-a";

export const isDay = (v: unknown): v is Day => typeof v === "number";
/** A count read from the list (not blank, not invalid). */
export const isCount = (v: unknown): v is number => typeof v === "number";
export const dayIn = (v: unknown, from: Day, to: Day): v is Day => isDay(v) && v >= from && v <= to;

/** Distinct (child, date) pairs of `key` between from and to inclusive, each with the rows that give it. */
export function distinctEvents(rows: ListRow[], key: string, from: Day, to: Day): Map<string, { child: string; day: Day; rows: ListRow[] }> {
  const events = new Map<string, { child: string; day: Day; rows: ListRow[] }>();
  for (const r of rows) {
    const d = r.v[key];
    if (!dayIn(d, from, to)) continue;
    const id = `${r.child}\u0001${d}`;
    const e = events.get(id);
    if (e) e.rows.push(r);
    else events.set(id, { child: r.child, day: d, rows: [r] });
  }
  return events;
}

/** Distinct children with a valid `key` date between from and to inclusive. */
export function childrenWith(rows: ListRow[], key: string, from: Day, to: Day, also: (r: ListRow) => boolean = () => true): Set<string> {
  const children = new Set<string>();
  for (const r of rows) if (dayIn(r.v[key], from, to) && also(r)) children.add(r.child);
  return children;
}

/**
 * Open at E: a valid start on or before E, and an end that is blank or a valid date after E. Where a
 * child has several rows open at E, the one with the earliest start is the child's record.
 */
export function openRecords(rows: ListRow[], E: Day, start = "start", end = "end"): Map<string, ListRow> {
  const records = new Map<string, ListRow>();
  for (const r of rows) {
    const s = r.v[start];
    const e = r.v[end];
    if (!isDay(s) || s > E) continue;
    if (!(e === null || (isDay(e) && e > E))) continue;
    const held = records.get(r.child);
    if (!held || s < (held.v[start] as Day)) records.set(r.child, r);
  }
  return records;
}

/** The earliest valid date of `key` among rows. */
export function earliest(rows: ListRow[], key: string): { day: Day; row: ListRow } | null {
  let best: { day: Day; row: ListRow } | null = null;
  for (const r of rows) {
    const d = r.v[key];
    if (isDay(d) && (!best || d < best.day)) best = { day: d, row: r };
  }
  return best;
}

/** A part of a whole: how many of a group meet the test. */
export type Share = { numerator: number; denominator: number };

export function share<T>(group: Iterable<T>, meets: (item: T) => boolean): Share {
  let numerator = 0;
  let denominator = 0;
  for (const item of group) {
    denominator++;
    if (meets(item)) numerator++;
  }
  return { numerator, denominator };
}
