// The Next server's log from the browser tests must hold no unhandled error: every request gets a
// clean answer, and an expected refusal is never logged as a crash. Playwright prints the server's
// output with a "[WebServer] " prefix; these are the lines that mean something went unhandled.
export const UNHANDLED_PATTERNS = [
  /⨯/, // Next.js: an error thrown out of a page, route handler or server action
  /\bunhandled\s*rejection\b/i,
  /\buncaught\s*exception\b/i,
  /Invalid Server Actions request/,
  /Failed to find Server Action/,
  /Body exceeded .* limit/,
  /\b22021\b|invalid byte sequence for encoding/, // PostgreSQL refused a NUL
];

/** The server's lines in a test run's output that report an unhandled error. */
export function findUnhandledErrors(output) {
  return output
    .split(/\r?\n/)
    .filter((line) => line.includes("[WebServer]"))
    .filter((line) => UNHANDLED_PATTERNS.some((p) => p.test(line)));
}

/**
 * The server's lines that hold any of these identifiers as a whole word (a child's ID from the Annex A
 * sample the browser tests upload): a child's identifier must never reach the log.
 */
export function findIdentifiers(output, identifiers) {
  const wanted = new Set(identifiers);
  return output
    .split(/\r?\n/)
    .filter((line) => line.includes("[WebServer]"))
    .filter((line) => (line.match(/[A-Za-z0-9-]+/g) ?? []).some((word) => wanted.has(word)));
}
