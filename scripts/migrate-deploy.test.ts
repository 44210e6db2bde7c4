// Which engine applies migrations: the native one when its binary is there (a fake one here: the
// real one cannot be downloaded on these machines), the WebAssembly one otherwise, which then
// really applies them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createOwnDatabase } from "@/test/own-database";
import { appliedFromPrismaOutput, chooseMigrationEngine, deployMigrations, migrationEngineHere } from "./migrate-deploy.mjs";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "engines-"));
const target = "debian-openssl-3.0.x";

describe("choosing the migration engine", () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("uses the native engine when @prisma/engines holds this platform's binary", () => {
    expect(chooseMigrationEngine({ env: {}, enginesDir: dir, binaryTarget: target })).toMatchObject({ kind: "wasm" });
    const fake = path.join(dir, `schema-engine-${target}`);
    fs.writeFileSync(fake, "#!/bin/sh\n", { mode: 0o755 });
    expect(chooseMigrationEngine({ env: {}, enginesDir: dir, binaryTarget: target })).toEqual({ kind: "native", binary: fake });
    // Another platform's binary is not ours to run.
    expect(chooseMigrationEngine({ env: {}, enginesDir: dir, binaryTarget: "linux-musl-openssl-3.0.x" })).toMatchObject({ kind: "wasm" });
  });

  it("follows PRISMA_SCHEMA_ENGINE_BINARY when it names a file, and says so when it names none", () => {
    const fake = path.join(dir, "my-schema-engine");
    fs.writeFileSync(fake, "#!/bin/sh\n", { mode: 0o755 });
    expect(
      chooseMigrationEngine({ env: { PRISMA_SCHEMA_ENGINE_BINARY: fake }, enginesDir: path.join(dir, "none"), binaryTarget: target }),
    ).toEqual({ kind: "native", binary: fake });
    const missing = chooseMigrationEngine({
      env: { PRISMA_SCHEMA_ENGINE_BINARY: path.join(dir, "gone") },
      enginesDir: dir,
      binaryTarget: target,
    });
    expect(missing.kind).toBe("wasm");
    expect(missing.reason).toContain("PRISMA_SCHEMA_ENGINE_BINARY");
  });

  it("without a binary, says why it uses the WebAssembly engine", () => {
    const choice = chooseMigrationEngine({ env: {}, enginesDir: path.join(dir, "empty"), binaryTarget: target });
    expect(choice).toMatchObject({ kind: "wasm" });
    expect(choice.reason).toContain(`schema-engine-${target}`);
  });

  it("reads the applied migrations from prisma migrate deploy's report", () => {
    const out =
      "3 migrations found in prisma/migrations\n\nApplying migration `20261126092103_init`\n\nThe following migration(s) have been applied:\n\nmigrations/\n  └─ 20261126092103_init/\n    └─ migration.sql\n  └─ 20261127101500_targets/\n    └─ migration.sql\n\nAll migrations have been successfully applied.\n";
    expect(appliedFromPrismaOutput(out)).toEqual(["20261126092103_init", "20261127101500_targets"]);
    expect(appliedFromPrismaOutput("No pending migrations to apply.")).toEqual([]);
  });
});

describe("deploying", () => {
  let own: Awaited<ReturnType<typeof createOwnDatabase>>;
  afterAll(() => own?.drop());

  it("applies every migration with the engine chosen for this machine, then has nothing left to apply", async () => {
    own = await createOwnDatabase("deploy_check", { migrated: false });
    const here = await migrationEngineHere();
    const first = await deployMigrations(own.url);
    expect(first.engine).toBe(here.kind);
    const committed = fs
      .readdirSync(path.join(import.meta.dirname, "..", "prisma", "migrations"), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(first.appliedMigrationNames).toEqual(committed);
    expect((await deployMigrations(own.url)).appliedMigrationNames).toEqual([]);
  });

  it("hands a native binary to prisma migrate deploy (a fake one fails there, naming the command)", async () => {
    const fake = path.join(dir, "fake-schema-engine");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(fake, "#!/bin/sh\necho 'not a schema engine' >&2\nexit 1\n", { mode: 0o755 });
    await expect(deployMigrations(own.url, { env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: fake } })).rejects.toThrow(
      /^prisma migrate deploy failed: [\s\S]*Schema engine error/,
    );
  });
});
