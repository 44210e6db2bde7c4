// Types for app-server.mjs, for the benchmarks written in TypeScript.
export declare const ROOT: string;
export declare const DIST: string;
export declare function bin(name: string): string;
export declare function log(...a: unknown[]): void;
export declare function buildIfNeeded(): void;
export declare function freePort(): Promise<number>;
export declare function run(cmd: string, args: string[], env?: Record<string, string | undefined>): Promise<string>;
export declare function runAllowingFailure(
  cmd: string,
  args: string[],
  env?: Record<string, string | undefined>,
): Promise<{ code: number | null; out: string }>;
export declare function signIn(origin: string, email: string): Promise<string>;
export declare function startApp(databaseUrl: string): Promise<{ origin: string; stop: () => boolean }>;
