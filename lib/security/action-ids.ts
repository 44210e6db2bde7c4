// The server actions this build has, read from Next's own list of them (server-reference-manifest.json
// in the build folder), so that proxy.ts can answer an unknown action id 400 with one line in the log:
// Next answers it 409 and logs a stack trace as a warning. Only the ids are kept (the file also holds
// the key Next encrypts bound arguments with). No list found (an unbuilt tree): every id is let through.
import fs from "node:fs";
import path from "node:path";

type Manifest = { node?: Record<string, unknown>; edge?: Record<string, unknown> };

/** The build folder, as next.config.ts names it; `next dev` keeps its manifests in a "dev" folder inside. */
const candidates = () => {
  const dist = path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.NEXT_DIST_DIR ?? ".next");
  return [path.join(dist, "server"), path.join(dist, "dev", "server")].map((d) => path.join(d, "server-reference-manifest.json"));
};

let cached: { file: string; mtimeMs: number; ids: Set<string> } | null = null;

function load(): Set<string> | null {
  for (const file of candidates()) {
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(file).mtimeMs;
    } catch {
      continue;
    }
    if (cached?.file === file && cached.mtimeMs === mtimeMs) return cached.ids;
    try {
      const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
      const ids = new Set([...Object.keys(manifest.node ?? {}), ...Object.keys(manifest.edge ?? {})]);
      cached = { file, mtimeMs, ids };
      return ids;
    } catch {
      return null; // being written (next dev): let this one through
    }
  }
  return null;
}

/** False only when the build's list of actions is known and does not hold this id. */
export function isKnownActionId(id: string): boolean {
  const ids = load();
  return ids === null || ids.has(id);
}
