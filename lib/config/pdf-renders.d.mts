export declare const DEFAULT_PDF_RENDERS_PER_PROCESS: number;
export declare const MAX_PDF_RENDERS_PER_PROCESS: number;
export declare function findPdfRenderLimitProblem(raw: string | undefined): string | null;
export declare function pdfRendersPerProcess(env?: Record<string, string | undefined>): number;
