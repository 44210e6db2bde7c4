// What this process may keep in memory about packs, and for how long: which versions a month has
// (so serving a published page asks the database nothing) and the staff preview. Both are stamped
// with the content epoch, a number that moves on every "content:<table>" notification: the database
// sends one, at commit, for every change to a table a pack page shows (migration
// 20261205173614_stored_pack_pages). An entry is used only while its epoch is the current one.
//
// Why an epoch heard from the database rather than a counter column on the period: every write in a
// period would then queue behind one row lock, and a write touching two periods (a history import)
// could deadlock with another; and a preview also shows other months (the trend) and the catalogue,
// so one period's counter would not be enough. The notification is part of the writing transaction
// all the same: sent when it commits, never for a rollback.
//
// The race this closes: a reader captures the epoch before it reads, and stores what it read only
// under that epoch. A change that commits while it reads moves the epoch when its notification
// arrives, so the entry is never used, whichever of the read and the commit came first.
import "server-only";
import { isListening, onInvalidate, onInvalidateAll } from "@/lib/cache/invalidation";
import { loadMonthState, type MonthState } from "@/lib/pack/delivery/find-pack";

const KEY = Symbol.for("scrutiny-pack.content-epoch");
type EpochState = { epoch: number };

// One epoch per process, whichever bundle asks (as lib/cache/invalidation.ts keeps one listener).
function epochState(): EpochState {
  const g = globalThis as { [KEY]?: EpochState };
  if (!g[KEY]) {
    const s: EpochState = { epoch: 0 };
    g[KEY] = s;
    onInvalidate("content", () => {
      s.epoch++;
    });
    onInvalidateAll(() => {
      s.epoch++;
    });
  }
  return g[KEY];
}

/** The current content epoch, or null while no notification can be heard (then nothing may be served from memory). */
export function contentEpoch(): number | null {
  const s = epochState();
  return isListening() ? s.epoch : null;
}

/** A small map kept by content epoch: entries of an older epoch are never returned. */
export class EpochCache<T> {
  private entries = new Map<string, { epoch: number; value: T }>();
  constructor(private readonly limit: number) {}

  get(key: string): T | undefined {
    const epoch = contentEpoch();
    const hit = this.entries.get(key);
    if (hit === undefined || epoch === null || hit.epoch !== epoch) return undefined;
    return hit.value;
  }

  /** Keeps `value`, read at `epoch`, unless the epoch has moved since (what was read may be stale). */
  set(key: string, epoch: number | null, value: T): void {
    if (epoch === null || contentEpoch() !== epoch) return;
    if (this.entries.size >= this.limit) {
      for (const [k, v] of this.entries) if (v.epoch !== epoch) this.entries.delete(k);
      if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, { epoch, value });
  }
}

const months = new EpochCache<MonthState | null>(256);

/** loadMonthState, from memory while nothing has changed since it was read. */
export async function cachedMonthState(month: string): Promise<MonthState | null> {
  const hit = months.get(month);
  if (hit !== undefined) return hit;
  const epoch = contentEpoch();
  const state = await loadMonthState(month);
  months.set(month, epoch, state);
  return state;
}
