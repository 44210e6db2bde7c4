// How the project's files import each other, read as text: which Vitest project a test belongs to
// (test/test-projects.mjs), which files a mutation run's tests load (scripts/mutation/check.mjs) and what
// the demo seed depends on (test/demo-template.ts) all follow imports the same way, from here.
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");

/** `import ... from "x"`, `export ... from "x"`, `import "x"` and `import("x")`: group 1 or 2 is the specifier. */
const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^"'`;]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
const EXTENSIONS = ["", ".ts", ".tsx", ".mjs", ".js", "/index.ts", "/index.tsx"];

/** Every module specifier a source text imports, in order. */
export function importSpecifiers(text) {
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2]);
}

/** The project file an import names (`@/...` or relative) as an absolute path, or null for a package or a missing file. */
export function resolveImport(from, spec) {
  let base;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  // "./x.mjs" written for a TypeScript file beside it, and the like.
  const stripped = base.replace(/\.(m?js)$/, "");
  for (const ext of [".ts", ".tsx"]) if (fs.existsSync(stripped + ext)) return stripped + ext;
  return null;
}

/**
 * Every project file reachable by imports from `files` (absolute paths), themselves included, as
 * absolute paths; `onFile(file, text)` sees each file's text once as it is read. Packages are not followed.
 */
export function importClosure(files, onFile = () => {}) {
  const seen = new Set();
  const stack = [...files];
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    let text;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      continue;
    }
    onFile(file, text);
    for (const spec of importSpecifiers(text)) {
      const target = resolveImport(file, spec);
      if (target && !target.includes(`${path.sep}node_modules${path.sep}`) && !seen.has(target)) stack.push(target);
    }
  }
  return seen;
}
