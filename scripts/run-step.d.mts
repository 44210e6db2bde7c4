import type { SpawnOptions } from "node:child_process";
export function runStep(cmd: string, args: string[], options?: SpawnOptions): Promise<number>;
