// Types for test-projects.mjs, for vitest.config.ts.
export declare const SLOW_TESTS: string[];
/** { pure, database, slow }: test files as paths relative to the project, each in one list. */
export declare function classifyTestFiles(): { pure: string[]; database: string[]; slow: string[] };
