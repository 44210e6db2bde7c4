export declare const UNHANDLED_PATTERNS: RegExp[];
export declare function findUnhandledErrors(output: string): string[];
