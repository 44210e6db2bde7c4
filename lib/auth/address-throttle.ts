// Back-off per client address: at most maxFailuresPerAddress() failed sign-ins per window, across
// every account, so one address can neither guess at nor lock out many accounts. An attempt is
// claimed atomically before any password is checked; a sign-in that succeeds hands its claim back.
import "server-only";
import { db } from "@/lib/db";
import { ADDRESS_WINDOW_MINUTES, maxFailuresPerAddress } from "@/lib/auth/sign-in-limits";

/** True when the address may try; false when it has used up its window. */
export async function claimAddressAttempt(address: string, now: Date): Promise<boolean> {
  const windowEdge = new Date(now.getTime() - ADDRESS_WINDOW_MINUTES * 60_000);
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO "SignInThrottle" (address, failures, "windowStart") VALUES (${address}, 1, ${now})
    ON CONFLICT (address) DO UPDATE SET
      failures = CASE WHEN "SignInThrottle"."windowStart" <= ${windowEdge} THEN 1 ELSE "SignInThrottle".failures + 1 END,
      "windowStart" = CASE WHEN "SignInThrottle"."windowStart" <= ${windowEdge} THEN ${now} ELSE "SignInThrottle"."windowStart" END
    WHERE "SignInThrottle"."windowStart" <= ${windowEdge} OR "SignInThrottle".failures < ${maxFailuresPerAddress()}
    RETURNING failures`;
  return rows.length === 1;
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
