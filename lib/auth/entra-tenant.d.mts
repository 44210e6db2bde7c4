export declare function findEntraTenantProblem(value: string | undefined | null): string | null;
