// Types for start-checks.mjs, for the tests written in TypeScript.
export declare function findStartupProblems(env: Record<string, string | undefined>, buildActionKey?: string | null): string[];
export declare function findActionKeyProblem(envKey: string | undefined, buildKey: string | null | undefined): string | null;
export declare function findStartupWarnings(env: Record<string, string | undefined>): string[];
