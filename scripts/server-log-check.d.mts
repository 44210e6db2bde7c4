export declare const UNHANDLED_PATTERNS: RegExp[];
export declare function findUnhandledErrors(output: string): string[];
export declare function findIdentifiers(output: string, identifiers: Iterable<string>): string[];
