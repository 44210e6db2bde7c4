// The app's stylesheet (app/globals.scss: GOV.UK Frontend and ours) compiled for the stored pack
// pages, which link it at /pack-style/<key>.css (served by lib/pack/delivery/serve-pack-request.ts,
// cached by browsers for a year: the key changes when the stylesheet does). Compiling takes about
// 2 s, so the result is kept on disk by that key, and in memory: paid once per stylesheet change.
// No "server-only": the renderer's child process uses it too.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = process.cwd();
const read = (...parts: string[]) => fs.readFileSync(path.join(/*turbopackIgnore: true*/ ROOT, ...parts));
let memory: { key: string; css: string } | null = null;
let keyCache: string | null = null;

/** A hash of what the stylesheet is made from: the Sass source and the versions of GOV.UK Frontend and Sass. */
export function packStylesheetKey(): string {
  if (keyCache) return keyCache;
  const version = (pkg: string) => (JSON.parse(read("node_modules", pkg, "package.json").toString("utf8")) as { version: string }).version;
  keyCache = createHash("sha256")
    .update(read("app", "globals.scss"))
    .update(`\ngovuk-frontend@${version("govuk-frontend")}\nsass@${version("sass")}`)
    .digest("hex")
    .slice(0, 24);
  return keyCache;
}

/** Where a stored page links its stylesheet. */
export const packStylesheetHref = (key = packStylesheetKey()) => `/pack-style/${key}.css`;

const fileOf = (key: string) => path.join(os.tmpdir(), "scrutiny-pack-css", `${key}.css`);

/** The stylesheet as compiled before (by the renderer's process), or null: never compiles here. */
export function compiledPackStylesheet(key = packStylesheetKey()): string | null {
  try {
    return fs.readFileSync(fileOf(key), "utf8");
  } catch {
    return null;
  }
}

/** The compiled stylesheet. Sass (a large module) is loaded only when there is something to compile. */
export async function packStylesheet(): Promise<{ key: string; css: string }> {
  const key = packStylesheetKey();
  if (memory?.key === key) return memory;
  const file = fileOf(key);
  let css = compiledPackStylesheet(key);
  if (css === null) {
    const sass = await import("sass");
    css = sass
      .compile(path.join(ROOT, "app", "globals.scss"), {
        loadPaths: [path.join(ROOT, "node_modules")],
        style: "compressed",
        logger: sass.Logger.silent,
      })
      .css.replace(/^\uFEFF/, "");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written whole then renamed: a second process never reads half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, css);
    fs.renameSync(tmp, file);
  }
  memory = { key, css };
  return memory;
}
