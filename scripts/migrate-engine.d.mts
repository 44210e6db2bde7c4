// Types for migrate-engine.mjs, for the tests written in TypeScript.
import type {
  ApplyMigrationsOutput,
  CreateMigrationOutput,
  DevDiagnosticOutput,
  DiagnoseMigrationHistoryOutput,
  MigrationList,
} from "@prisma/schema-engine-wasm";

export declare const migrationsDir: string;
export declare function listMigrations(dir?: string): MigrationList;
export type MigrationEngine = {
  schemaContent: string;
  deploy(): Promise<ApplyMigrationsOutput>;
  status(): Promise<DiagnoseMigrationHistoryOutput>;
  devDiagnostic(): Promise<DevDiagnosticOutput>;
  createMigration(name: string): Promise<CreateMigrationOutput>;
  /** SQL that would take the live database to schema.prisma; empty when they match (always a script: it asks for one). */
  diffDatabaseToSchema(): Promise<{ exitCode: number; stdout: string }>;
  close(): void;
};
/** Opens the engine against a database; call close() when done. */
export declare function openEngine(url: string): Promise<MigrationEngine>;
