// Which renderer made a stored pack page: a hash of the source it is drawn from (the components, the
// lib/ code they call, the stylesheet, the locked package versions). A stored page made by other
// code is out of date and is rendered again on its first request, once, so an upgrade that changes
// the pack's layout reaches every published pack; one that does not, changes nothing.
// Worked out from the files themselves, so the server, the seed and the renderer's child process
// (all run from the same checkout) agree without a build step.
import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const ROOT = process.cwd();
const TREES = ["components", "lib", "scripts/pack"];
const FILES = ["app/globals.scss", "package-lock.json"];
const SOURCE = /\.(tsx?|mjs|scss)$/;
const SKIP = /(\.test\.tsx?$)|(^|\/)generated(\/|$)/;

function walk(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(/*turbopackIgnore: true*/ ROOT, dir), { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const rel = `${dir}/${e.name}`;
    if (SKIP.test(rel)) continue;
    if (e.isDirectory()) walk(rel, out);
    else if (SOURCE.test(e.name)) out.push(rel);
  }
}

let cached: string | null = null;

export function rendererKey(): string {
  if (cached) return cached;
  const files: string[] = [...FILES];
  for (const t of TREES) walk(t, files);
  const hash = createHash("sha256");
  for (const f of files.sort()) {
    hash.update(`${f}\n`);
    try {
      hash.update(fs.readFileSync(path.join(/*turbopackIgnore: true*/ ROOT, f)));
    } catch {
      hash.update("(missing)");
    }
  }
  cached = hash.digest("hex").slice(0, 24);
  return cached;
}
