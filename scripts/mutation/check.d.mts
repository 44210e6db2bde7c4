export type Mutation = { id: string; file: string; find: string; replace: string; tests: string[]; why: string; harmless?: string };
export type VitestReport = { testResults?: { name: string; status: string; assertionResults?: { fullName: string; status: string }[] }[] };
export declare const root: string;
export declare function occurrences(text: string, find: string): number;
export declare function applyMutation(text: string, mutation: Pick<Mutation, "find" | "replace" | "file">): string;
export declare function mutate(text: string, mutation: Pick<Mutation, "find" | "replace" | "file">): { text: string; replaced: string };
export declare function locate(text: string, find: string): { start: number; end: number }[];
export declare function sha256(text: string): string;
export declare function checkMutations(
  mutations: unknown[],
  io?: { read?: (file: string) => string; exists?: (path: string) => boolean },
): string[];
export declare function judgeRun(run: {
  exitCode: number;
  timedOut: boolean;
  report: VitestReport | null;
  baselineFailures?: Set<string>;
  baselineExitedCleanly?: boolean;
}): { killed: boolean; by: string[] };
export declare function undoMutation(
  now: string,
  state: { original: string; mutated: string; find: string; replace: string },
): { outcome: "restored" | "unchanged" | "collision" | "lost"; text: string | null };
export declare function importClosure(files: string[]): Set<string>;
