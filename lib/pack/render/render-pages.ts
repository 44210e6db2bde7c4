// Draws pack pages (lib/pack/render/pack-page-html.tsx) in a Node process of its own,
// scripts/pack/render-pack-pages.ts under tsx: Next's server layer may not import react-dom/server.
// Only publication, an out-of-date stored page and the staff preview call this; serving never does.
// The process is kept while it is used (a render takes tens of milliseconds once it is warm, against
// about two seconds to start Node and compile the components) and ended after IDLE_MS without work.
import "server-only";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { PackAudience, PackPageModel } from "@/lib/pack/render/pack-page-model";

export type PageJob = { model: PackPageModel; audiences: PackAudience[] };
export type PageRenderer = (jobs: PageJob[]) => Promise<string[][]>;
export type StylesheetCompiler = () => Promise<string>;

const IDLE_MS = 30 * 60_000;
const RENDER_TIMEOUT_MS = 120_000;

let renderer: PageRenderer = renderInChildProcess;
let compiler: StylesheetCompiler = () => ask<string>({ stylesheet: true });

/** HTML for each job's audiences, in order. */
export function renderPackPages(jobs: PageJob[]): Promise<string[][]> {
  return jobs.length ? renderer(jobs) : Promise.resolve([]);
}

/** The stylesheet the pages link to, compiled in the renderer's process (Sass blocks for about 2 s). */
export function compilePackStylesheet(): Promise<string> {
  return compiler();
}

/** For tests: render with this instead of the child process (test/pages-in-process.ts). */
export function setPageRenderer(next: PageRenderer, nextCompiler?: StylesheetCompiler): void {
  renderer = next;
  if (nextCompiler) compiler = nextCompiler;
}

type Pending = { resolve: (answer: never) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };
type Worker = { child: ChildProcess; pending: Map<number, Pending>; idle: NodeJS.Timeout | null };

let worker: Worker | null = null;
let nextId = 1;

function startWorker(): Worker {
  const script = path.join(process.cwd(), "scripts", "pack", "render-pack-pages.ts");
  // spawn with an "ipc" stream rather than fork: Turbopack takes fork's script for a module to bundle.
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: process.cwd(),
    // Without the parent's NODE_OPTIONS: a "react-server" condition there would refuse react-dom/server.
    env: { ...process.env, NODE_OPTIONS: "" },
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const w: Worker = { child, pending: new Map(), idle: null };
  const fail = (why: string) => {
    if (worker === w) worker = null;
    for (const p of w.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new Error(`Pack page rendering failed: ${why}`));
    }
    w.pending.clear();
  };
  child.on("message", (m: { id?: number; pages?: string[][]; css?: string; error?: string }) => {
    if (m.id === undefined) return;
    const p = w.pending.get(m.id);
    if (!p) return;
    w.pending.delete(m.id);
    clearTimeout(p.timer);
    const answer = m.pages ?? m.css;
    if (answer !== undefined) p.resolve(answer as never);
    else p.reject(new Error(`Pack page rendering failed: ${m.error}`));
    if (!w.pending.size) {
      hold(w, false);
      idleLater(w);
    }
  });
  child.on("error", (e) => fail(e.message));
  child.on("exit", (code, signal) => fail(`the renderer exited (${signal ?? code})`));
  hold(w, false);
  return w;
}

/**
 * Whether the renderer keeps this process alive: only while a render is awaited (a script such as the
 * seed must not exit before its answer arrives), never when idle (a server or a script may end whenever).
 */
function hold(w: Worker, busy: boolean) {
  if (busy) {
    w.child.ref();
    w.child.channel?.ref();
  } else {
    w.child.unref();
    w.child.channel?.unref();
  }
}

function idleLater(w: Worker) {
  if (w.idle) clearTimeout(w.idle);
  w.idle = setTimeout(() => {
    if (w.pending.size) return;
    if (worker === w) worker = null;
    w.child.kill();
  }, IDLE_MS);
  w.idle.unref();
}

export function renderInChildProcess(jobs: PageJob[]): Promise<string[][]> {
  return ask<string[][]>({ jobs });
}

function ask<T>(message: { jobs: PageJob[] } | { stylesheet: true }): Promise<T> {
  worker ??= startWorker();
  const w = worker;
  if (w.idle) clearTimeout(w.idle);
  w.idle = null;
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      w.pending.delete(id);
      // A renderer that does not answer is ended; the next render starts a fresh one.
      if (worker === w) worker = null;
      w.child.kill();
      reject(new Error(`Pack page rendering took longer than ${RENDER_TIMEOUT_MS / 1000} s`));
    }, RENDER_TIMEOUT_MS);
    timer.unref();
    w.pending.set(id, { resolve, reject, timer });
    hold(w, true);
    w.child.send({ id, ...message }, (e) => {
      if (!e) return;
      w.pending.delete(id);
      clearTimeout(timer);
      reject(new Error(`Pack page rendering failed: ${e.message}`));
    });
  });
}
