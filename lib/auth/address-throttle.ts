// Back-off per client address: at most maxFailuresPerAddress() failed sign-ins per window, across
// every account, so one address can neither guess at nor lock out many accounts. An attempt is
// claimed atomically before any password is checked; a sign-in that succeeds hands its claim back.
// Refused attempts are counted on the address's row, not written one by one: the audit log gets one
// event at the window's first refusal and one with the count when the window is pruned, so an
// attacker cannot bury real events under throttled ones. Expired windows are deleted as each attempt
// arrives, so a sweep of many addresses leaves no rows behind.
import "server-only";
import { db } from "@/lib/db";
import { recordAudit, SYSTEM_ACTOR } from "@/lib/audit/record";
import { ADDRESS_WINDOW_MINUTES, maxFailuresPerAddress } from "@/lib/auth/sign-in-limits";

/** Audit events about one client address, rather than an account. */
export const ADDRESS_ENTITY = "ClientAddress";
/** Expired windows pruned per attempt at most: enough to keep up, never a long statement. */
const PRUNE_BATCH = 500;

const windowEdgeOf = (now: Date) => new Date(now.getTime() - ADDRESS_WINDOW_MINUTES * 60_000);

/** True when the address may try; false when it has used up its window (then call countRefusedAttempt). */
export async function claimAddressAttempt(address: string, now: Date): Promise<boolean> {
  await pruneExpiredWindows(now);
  const windowEdge = windowEdgeOf(now);
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO "SignInThrottle" (address, failures, "windowStart") VALUES (${address}, 1, ${now})
    ON CONFLICT (address) DO UPDATE SET
      failures = CASE WHEN "SignInThrottle"."windowStart" <= ${windowEdge} THEN 1 ELSE "SignInThrottle".failures + 1 END,
      refused = CASE WHEN "SignInThrottle"."windowStart" <= ${windowEdge} THEN 0 ELSE "SignInThrottle".refused END,
      "windowStart" = CASE WHEN "SignInThrottle"."windowStart" <= ${windowEdge} THEN ${now} ELSE "SignInThrottle"."windowStart" END
    WHERE "SignInThrottle"."windowStart" <= ${windowEdge} OR "SignInThrottle".failures < ${maxFailuresPerAddress()}
    RETURNING failures`;
  return rows.length === 1;
}

/**
 * Counts an attempt the address's back-off refused. Only the window's first refusal is an audit
 * event (with the email it tried); the rest add to the count that pruneExpiredWindows records.
 */
export async function countRefusedAttempt(address: string, email: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ refused: number; windowStart: Date }[]>`
      UPDATE "SignInThrottle" SET refused = refused + 1 WHERE address = ${address} RETURNING refused, "windowStart"`;
    const row = rows[0];
    if (row?.refused !== 1) return;
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: "signIn.throttled",
      entityType: ADDRESS_ENTITY,
      entityId: address,
      after: {
        address,
        email,
        windowStart: row.windowStart,
        windowEnds: new Date(row.windowStart.getTime() + ADDRESS_WINDOW_MINUTES * 60_000),
      },
    });
  });
}

/**
 * Deletes the rows of windows that have ended, and records for each window that refused attempts how
 * many it refused. SKIP LOCKED: two attempts at once prune different rows rather than wait.
 */
export async function pruneExpiredWindows(now: Date): Promise<number> {
  const windowEdge = windowEdgeOf(now);
  return db.$transaction(async (tx) => {
    const ended = await tx.$queryRaw<{ address: string; failures: number; refused: number; windowStart: Date }[]>`
      DELETE FROM "SignInThrottle" WHERE address IN (
        SELECT address FROM "SignInThrottle" WHERE "windowStart" <= ${windowEdge}
        ORDER BY "windowStart" LIMIT ${PRUNE_BATCH} FOR UPDATE SKIP LOCKED
      )
      RETURNING address, failures, refused, "windowStart"`;
    for (const w of ended.filter((e) => e.refused > 0))
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: "signIn.throttleEnded",
        entityType: ADDRESS_ENTITY,
        entityId: w.address,
        after: { address: w.address, windowStart: w.windowStart, failures: w.failures, refused: w.refused },
      });
    return ended.length;
  });
}

/** Gives back a claim that did not end in a failed password check. */
export async function releaseAddressAttempt(address: string): Promise<void> {
  await db.$executeRaw`UPDATE "SignInThrottle" SET failures = GREATEST(failures - 1, 0) WHERE address = ${address}`;
}

/**
 * The client address: the last X-Forwarded-For entry, which the nearest proxy appended (earlier
 * entries are whatever the client sent). Next.js fills the header with the socket's address when a
 * request arrives without one, so without a proxy a client could name its own address: run behind one.
 */
export function clientAddress(headers: Record<string, unknown> | Headers | undefined): string | null {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : headers?.[name]);
  const forwarded = get("x-forwarded-for");
  const last =
    typeof forwarded === "string"
      ? forwarded
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
          .at(-1)
      : undefined;
  const real = get("x-real-ip");
  const address = last ?? (typeof real === "string" ? real.trim() : "");
  return address ? address.slice(0, 100) : null;
}
