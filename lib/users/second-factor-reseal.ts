// Run once when a server starts (lib/start-node-server.ts): every stored TOTP secret not sealed under
// the current key (one stored in the clear before sealing, or under SECOND_FACTOR_KEY_PREVIOUS) is
// sealed again, and unsalted recovery-code hashes from before salting are salted. Each row is
// compare-and-set on what was read, so a sign-in or a change meanwhile wins and nothing is lost.
import "server-only";
import { db } from "@/lib/db";
import { openTotpSecret, sealTotpSecret } from "@/lib/auth/totp-keys";
import { hasUnsaltedRecoveryHashes, saltRecoveryHashes } from "@/lib/auth/totp-recovery-codes";

export async function resealSecondFactors(env: Record<string, string | undefined> = process.env) {
  const rows = await db.user.findMany({
    where: { totpSecret: { not: null } },
    select: { id: true, email: true, totpSecret: true, totpRecoveryHashes: true, totpUsedRecoveryHashes: true },
  });
  const unreadable: string[] = [];
  let resealed = 0;
  for (const row of rows) {
    let opened: ReturnType<typeof openTotpSecret>;
    try {
      opened = openTotpSecret(row.totpSecret!, row.id, env);
    } catch {
      unreadable.push(row.email);
      continue;
    }
    const hashesToSalt = hasUnsaltedRecoveryHashes(row.totpRecoveryHashes) || hasUnsaltedRecoveryHashes(row.totpUsedRecoveryHashes);
    if (opened.current && !hashesToSalt) continue;
    const { count } = await db.user.updateMany({
      where: { id: row.id, totpSecret: row.totpSecret, totpRecoveryHashes: { equals: row.totpRecoveryHashes } },
      data: {
        totpSecret: opened.current ? row.totpSecret : sealTotpSecret(opened.secret, row.id, env),
        totpRecoveryHashes: await saltRecoveryHashes(row.totpRecoveryHashes),
        totpUsedRecoveryHashes: await saltRecoveryHashes(row.totpUsedRecoveryHashes),
      },
    });
    resealed += count;
  }
  return { resealed, unreadable };
}

/** For start-up: never stops the server, but says what it did and what it could not. */
export async function resealSecondFactorsAtStart(): Promise<void> {
  try {
    const { resealed, unreadable } = await resealSecondFactors();
    if (resealed) console.log(`Two-step sign-in: sealed ${resealed} account(s)' secrets under the current key`);
    if (unreadable.length)
      console.error(
        `Two-step sign-in: no configured key opens the secret of ${unreadable.join(", ")}: set SECOND_FACTOR_KEY_PREVIOUS to the key it was sealed with (see docs/operations.md), or they sign in with a recovery code`,
      );
  } catch (e) {
    console.error("Two-step sign-in: could not seal the stored secrets", e);
  }
}
