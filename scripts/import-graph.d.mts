export const root: string;
export function importSpecifiers(text: string): string[];
export function resolveImport(from: string, spec: string): string | null;
export function importClosure(files: string[], onFile?: (file: string, text: string) => void): Set<string>;
