// Types for db-runtime.mjs, for the tests written in TypeScript.
export declare const APP_ROLE: string;
export declare function ensureAppRole(adminUrl: string, password: string, role?: string): Promise<string>;
export declare class StartupError extends Error {}
export declare function parseDatabaseUrl(raw: string | undefined, name?: string): URL;
export declare function checkReachable(url: string, name?: string): Promise<void>;
export declare function startDatabase(options?: { test?: boolean; log?: (message: string) => void; dataDir?: string }): Promise<{
  url: string;
  appUrl: () => Promise<string>;
  embedded: boolean;
  stop: () => Promise<void>;
}>;
