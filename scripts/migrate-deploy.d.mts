// Types for migrate-deploy.mjs, for the tests written in TypeScript.
export type MigrationEngineChoice =
  { kind: "native"; binary: string; reason?: undefined } | { kind: "wasm"; reason: string; binary?: undefined };
export declare function chooseMigrationEngine(options: {
  env?: Record<string, string | undefined>;
  enginesDir: string;
  binaryTarget: string;
  exists?: (path: string) => boolean;
}): MigrationEngineChoice;
export declare function migrationEngineHere(env?: Record<string, string | undefined>): Promise<MigrationEngineChoice>;
export declare function appliedFromPrismaOutput(out: string): string[];
export declare function deployMigrations(
  url: string,
  options?: { env?: Record<string, string | undefined> },
): Promise<
  | { engine: "native"; reason?: undefined; appliedMigrationNames: string[] }
  | { engine: "wasm"; reason: string; appliedMigrationNames: string[] }
>;
export declare function migrationUrl(
  db: { url: string; embedded: boolean; test?: boolean },
  env?: Record<string, string | undefined>,
): string;
