// Expected failures carry a code and a message fit for users; anything else is a bug to log.
export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "UNAUTHENTICATED" | "INVALID_TRANSITION" | "CONFLICT" | "VALIDATION" | "LOCKED";

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    message: string,
    public readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** The HTTP status a route handler answers with for each expected failure. */
export const ERROR_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  LOCKED: 423,
  VALIDATION: 422,
};

/**
 * Whether a database error is a unique-constraint violation (someone else inserted the same key
 * first). Prisma reports it as P2002 from its own queries; through the pg driver adapter a raw
 * query carries PostgreSQL's 23505 in the error's meta instead, in one of two places.
 */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as {
    code?: string;
    meta?: { code?: string; driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } };
  } | null;
  return (
    err?.code === "P2002" ||
    err?.meta?.code === "23505" ||
    err?.meta?.driverAdapterError?.cause?.originalCode === "23505" ||
    err?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation"
  );
}
