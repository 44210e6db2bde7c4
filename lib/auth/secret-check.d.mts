export declare const MIN_SECRET_LENGTH: number;
export declare const SECRET_ADVICE: string;
export declare function findSecretProblem(secret: string | undefined | null): "missing" | "too-short" | "known" | "one-character" | null;
export declare function findSecondFactorKeyProblem(value: string | undefined | null, name: string): string | null;
