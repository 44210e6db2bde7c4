// The in-process schedule for reminder emails (started from lib/start-node-server.ts). Sending is
// idempotent, so several servers running it, or a restart mid-run, never send one twice.
export function reminderIntervalMinutes(): number {
  const raw = process.env.REMINDERS_INTERVAL_MINUTES;
  const n = raw === undefined || raw.trim() === "" ? 60 : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : 60;
}
