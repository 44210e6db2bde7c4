// What a Node.js server process does once at start (called from instrumentation.ts): the HTTP-level
// guard first (TRACE refused, forwarding headers trusted only from TRUSTED_PROXIES; lib/security/http-server-guard.ts);
// a malformed PDF_RENDERS_PER_PROCESS refused; the cache listener started (lib/cache/invalidation.ts);
// stored second-factor secrets sealed under the current key (lib/users/second-factor-reseal.ts);
// older packs' plain content hashes keyed (lib/integrity/rekey-pack-hashes.ts);
// then the reminder emails scheduled (when SMTP is set up and
// REMINDERS_INTERVAL_MINUTES is not 0). Each reminder run is idempotent, so a restart never sends one twice.
// A file of its own so that the Edge build of instrumentation.ts never sees Node.js APIs such as process.exit.
export async function startNodeServer() {
  // A malformed PDF_RENDERS_PER_PROCESS stops the server here, named, rather than at the first PDF
  // (thrown, Next.js only logs it and keeps listening).
  const { findPdfRenderLimitProblem } = await import("@/lib/config/pdf-renders.mjs");
  const pdfLimit = findPdfRenderLimitProblem(process.env.PDF_RENDERS_PER_PROCESS);
  if (pdfLimit) {
    console.error(pdfLimit);
    process.exit(1);
  }
  const { installHttpServerGuard } = await import("@/lib/security/http-server-guard");
  const { isPackPageRequest, servePackRequest } = await import("@/lib/pack/delivery/serve-pack-request");
  installHttpServerGuard(undefined, { wants: isPackPageRequest, serve: servePackRequest });
  // The per-process caches (sessions first) serve from memory only while this LISTEN connection is up.
  // Not awaited: until it is, or while the database cannot be reached, every request reads the database.
  const { startInvalidationListener } = await import("@/lib/cache/invalidation");
  void startInvalidationListener().then(({ listening, error }) => {
    if (!listening)
      console.error(
        `Cache invalidation: cannot LISTEN (${error}); sessions are read from the database on every request until it can (trying again)`,
      );
  });
  // Second-factor secrets stored in the clear (before sealing) or under a retired key: sealed under the current one.
  const { resealSecondFactorsAtStart } = await import("@/lib/users/second-factor-reseal");
  void resealSecondFactorsAtStart();
  // Packs frozen before content hashes were keyed: keyed now, before a reader asks for one (lib/integrity/rekey-pack-hashes.ts).
  const { rekeyPlainContentHashesAtStart } = await import("@/lib/integrity/rekey-pack-hashes");
  await rekeyPlainContentHashesAtStart();
  if (!process.env.SMTP_HOST) return;
  const { reminderIntervalMinutes } = await import("@/lib/reminders/schedule");
  const minutes = reminderIntervalMinutes();
  if (minutes === 0) return;
  const run = async () => {
    try {
      const { sendDueReminders } = await import("@/lib/reminders/send-due-reminders");
      await sendDueReminders();
    } catch (e) {
      console.error("Reminder run failed", e);
    }
  };
  setTimeout(() => void run(), 30_000).unref();
  setInterval(() => void run(), minutes * 60_000).unref();
}
