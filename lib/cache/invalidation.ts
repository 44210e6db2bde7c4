// Tells this process's caches when a row they copied has changed, on any server: triggers in the
// database (migration 20261205180000_cache_invalidation_triggers) send `pg_notify('scrutiny_cache',
// '<kind>:<id>')` when the row's change commits, and one LISTEN connection per process hears it.
// A cache may serve from memory only while isListening(): while the connection is down a change
// would go unheard, so on a drop every cache is told to forget everything (onInvalidateAll).
import "server-only";
import pg from "pg";
import { databaseUrl } from "@/lib/config/database-url";

export const CACHE_CHANNEL = "scrutiny_cache";

/** What changed: `session` (UserSession), `user` (User), `pack`, or any kind a later trigger sends. */
export type InvalidationKind = "session" | "user" | "pack" | (string & {});

/** How an attempt to LISTEN ended; `error` says why it failed. */
export type Outcome = { listening: boolean; error?: string };

type ListenerState = {
  started: boolean;
  client: pg.Client | null;
  listening: boolean;
  /** Connection attempts that failed since the last success: the backoff grows with them. */
  failures: number;
  retry: NodeJS.Timeout | null;
  /** Set once the connection was lost (or never made), so coming back is logged. */
  lost: boolean;
  /** Callers of startInvalidationListener waiting for the current attempt to end. */
  waiting: ((outcome: Outcome) => void)[];
  handlers: Map<string, Set<(id: string) => void>>;
  everything: Set<() => void>;
};

// Kept on globalThis, not in this module: instrumentation.ts, the app's routes and the Pages Router
// are bundled apart, and each bundle gets its own copy of this module. One listener per process,
// and the caches of every bundle subscribe to it.
const KEY = Symbol.for("scrutiny-pack.cache-invalidation");
function state(): ListenerState {
  const g = globalThis as { [KEY]?: ListenerState };
  g[KEY] ??= {
    started: false,
    client: null,
    listening: false,
    failures: 0,
    retry: null,
    lost: false,
    waiting: [],
    handlers: new Map(),
    everything: new Set(),
  };
  return g[KEY];
}

const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 30_000;

/**
 * Starts the process's LISTEN connection, once: calling it again while it runs starts nothing. Resolves
 * when the current attempt to connect ends (at once when already listening). A failed or lost
 * connection is tried again with growing delays (250 ms, doubling, at most 30 s) until stopped.
 */
export function startInvalidationListener(): Promise<Outcome> {
  const s = state();
  if (s.listening) return Promise.resolve({ listening: true });
  const outcome = new Promise<Outcome>((resolve) => s.waiting.push(resolve));
  if (!s.started) {
    s.started = true;
    s.failures = 0;
    void connect(s);
  }
  return outcome;
}

/** True only while the LISTEN is in force on a live connection: the only time a cache may serve from memory. */
export function isListening(): boolean {
  return state().listening;
}

/** Calls `handler(id)` for each `<kind>:<id>` heard; returns the function that stops it. */
export function onInvalidate(kind: InvalidationKind, handler: (id: string) => void): () => void {
  const { handlers } = state();
  let set = handlers.get(kind);
  if (!set) handlers.set(kind, (set = new Set()));
  const own = (id: string) => handler(id);
  set.add(own);
  return () => void set.delete(own);
}

/** Calls `handler()` whenever the connection drops or the listener stops: every cached copy may be stale. */
export function onInvalidateAll(handler: () => void): () => void {
  const { everything } = state();
  const own = () => handler();
  everything.add(own);
  return () => void everything.delete(own);
}

/** For tests: closes the connection and stops trying; caches are told to forget everything. */
export async function stopInvalidationListener(): Promise<void> {
  const s = state();
  s.started = false;
  if (s.retry) clearTimeout(s.retry);
  s.retry = null;
  const client = s.client;
  s.client = null;
  s.listening = false;
  s.lost = false;
  forgetEverything(s);
  settle(s, { listening: false, error: "stopped" });
  if (client) await client.end().catch(() => {});
}

async function connect(s: ListenerState): Promise<void> {
  s.retry = null;
  let client: pg.Client;
  try {
    // The same address (and so the same sslmode and other settings in it) as the Prisma pool in lib/db.ts.
    client = new pg.Client({
      connectionString: databaseUrl(),
      connectionTimeoutMillis: 5000,
      // A connection that dies without a word (a dropped network) is noticed by TCP keepalive, so the
      // caches stop serving; the caches' own maximum age bounds what is served until then.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      application_name: "scrutiny-pack cache listener",
    });
  } catch (e) {
    failed(s, e);
    return;
  }
  s.client = client;
  client.on("error", (e) => drop(s, client, e));
  client.on("end", () => drop(s, client, new Error("the connection ended")));
  client.on("notification", (n) => {
    if (s.client === client && n.channel === CACHE_CHANNEL && n.payload) dispatch(s, n.payload);
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${CACHE_CHANNEL}`);
  } catch (e) {
    drop(s, client, e);
    return;
  }
  // Stopped, or dropped, while connecting: this connection is no longer the listener's.
  if (s.client !== client) {
    void client.end().catch(() => {});
    return;
  }
  s.listening = true;
  s.failures = 0;
  if (s.lost) console.log("Cache invalidation: listening again; the caches are used again");
  s.lost = false;
  settle(s, { listening: true });
}

/** The connection `client` failed or ended: forget everything, say so once, and try again later. */
function drop(s: ListenerState, client: pg.Client, e: unknown) {
  if (s.client !== client) return;
  s.client = null;
  const wasListening = s.listening;
  s.listening = false;
  // Notifications sent from now until LISTEN is back would go unheard: nothing cached can be trusted.
  forgetEverything(s);
  void client.end().catch(() => {});
  if (wasListening)
    console.error(`Cache invalidation: lost the LISTEN connection (${message(e)}); every request reads the database until it is back`);
  failed(s, e);
}

function failed(s: ListenerState, e: unknown) {
  s.lost = true;
  settle(s, { listening: false, error: message(e) });
  if (!s.started) return;
  const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** s.failures++);
  s.retry = setTimeout(() => void connect(s), delay);
  // A script or test that is done need not wait for the next attempt.
  s.retry.unref();
}

function settle(s: ListenerState, outcome: Outcome) {
  const waiting = s.waiting;
  s.waiting = [];
  for (const resolve of waiting) resolve(outcome);
}

function dispatch(s: ListenerState, payload: string) {
  const at = payload.indexOf(":");
  if (at <= 0) return;
  const handlers = s.handlers.get(payload.slice(0, at));
  if (!handlers) return;
  const id = payload.slice(at + 1);
  for (const handler of handlers) guarded(() => handler(id));
}

function forgetEverything(s: ListenerState) {
  for (const handler of s.everything) guarded(handler);
}

/** One cache's failing handler must not keep the others from hearing, nor end the connection. */
function guarded(fn: () => void) {
  try {
    fn();
  } catch (e) {
    console.error("Cache invalidation: a handler failed", e);
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
