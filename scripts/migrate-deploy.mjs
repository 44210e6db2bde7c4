// Applying the committed migrations: with Prisma's own `migrate deploy` where its native schema
// engine is installed, and through the WebAssembly engine (migrate-engine.mjs) where it is not.
// The native engine is a binary that @prisma/engines' install script downloads from
// binaries.prisma.sh; machines that cannot reach that host (ours) never have it, and
// `prisma migrate deploy` there fails trying to download it. Both apply the same migration files
// and keep the same _prisma_migrations table, so a database can move between them.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { openEngine } from "./migrate-engine.mjs";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "..");

/** The platform name Prisma gives its binaries here (e.g. debian-openssl-3.0.x), asked of the
 * get-platform that @prisma/engines itself uses (the hoisted copy may be another version). */
function currentBinaryTarget() {
  const enginesRequire = createRequire(require.resolve("@prisma/engines/package.json"));
  return enginesRequire("@prisma/get-platform").getBinaryTargetForCurrentPlatform();
}

/**
 * Which engine applies migrations, and why. The native one when PRISMA_SCHEMA_ENGINE_BINARY names
 * a file that exists (Prisma's own override), or when @prisma/engines holds the binary for this
 * platform; otherwise the WebAssembly one. Pure apart from `exists`, so a test can give it a fake binary.
 */
export function chooseMigrationEngine({ env = process.env, enginesDir, binaryTarget, exists = fs.existsSync }) {
  const override = env.PRISMA_SCHEMA_ENGINE_BINARY;
  if (override) {
    const binary = path.resolve(root, override);
    if (exists(binary)) return { kind: "native", binary };
    return { kind: "wasm", reason: `PRISMA_SCHEMA_ENGINE_BINARY is set to ${override}, which does not exist` };
  }
  const binary = path.join(enginesDir, `schema-engine-${binaryTarget}`);
  if (exists(binary)) return { kind: "native", binary };
  return { kind: "wasm", reason: `Prisma's native schema engine is not installed (no ${path.relative(root, binary)})` };
}

/** The choice for this machine. */
export async function migrationEngineHere(env = process.env) {
  return chooseMigrationEngine({
    env,
    enginesDir: path.dirname(require.resolve("@prisma/engines/package.json")),
    binaryTarget: await currentBinaryTarget(),
  });
}

/** The migration names `prisma migrate deploy` lists as applied ("└─ 20261126092103_init/"). */
export function appliedFromPrismaOutput(out) {
  return [...out.matchAll(/└─ (\d{14}_[^/\s]+)\//g)].map((m) => m[1]);
}

/** Applies the committed migrations to `url`; says which engine did it and what it applied. */
export async function deployMigrations(url, { env = process.env } = {}) {
  const choice = await migrationEngineHere(env);
  if (choice.kind === "native") {
    const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
    const r = spawnSync(process.execPath, [cli, "migrate", "deploy"], {
      cwd: root,
      encoding: "utf8",
      env: { ...env, DATABASE_URL: url, PRISMA_SCHEMA_ENGINE_BINARY: choice.binary, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
    if (r.status !== 0) throw new Error(`prisma migrate deploy failed: ${(r.stderr || r.stdout || "").trim()}`);
    return { engine: "native", appliedMigrationNames: appliedFromPrismaOutput(r.stdout) };
  }
  const engine = await openEngine(url);
  try {
    const r = await engine.deploy();
    return { engine: "wasm", reason: choice.reason, appliedMigrationNames: r.appliedMigrationNames };
  } finally {
    engine.close();
  }
}

/**
 * Where migrations are applied: MIGRATION_DATABASE_URL when it is set (a role that owns the schema,
 * so the app's DATABASE_URL needs no DDL rights), otherwise the database the app uses. Not for the
 * embedded database or a test database, whose URL is already the owner's.
 */
export function migrationUrl(db, env = process.env) {
  return !db.embedded && !db.test && env.MIGRATION_DATABASE_URL ? env.MIGRATION_DATABASE_URL : db.url;
}
