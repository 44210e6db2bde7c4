// Publishing makes the signed-off version visible to the panel. An earlier published version of
// the same month (an amendment) is kept and marked as superseded by this one.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { getPeriodByMonth } from "@/lib/periods/find-period";
import { lockPeriod } from "@/lib/periods/lock-period";
import { PERIOD_TRANSITIONS, assertPeriodTransition } from "@/lib/periods/period-lifecycle";
import { verifyContentHash } from "@/lib/pack/snapshot/content-hash";
import { storePackPagesAfterCommit } from "@/lib/pack/delivery/stored-pack-pages";

/**
 * `storePages: false` leaves rendering the pages to the caller (the demo seed renders all its months
 * in one go); otherwise they are rendered and stored once the publication has committed, so the
 * panel's first request is served stored bytes.
 */
export async function publishPack(
  user: SessionUser,
  input: { month: string; expectedPeriodVersion: number },
  now = new Date(),
  opts: { storePages?: boolean } = {},
) {
  assertCan(user, PERIOD_TRANSITIONS.publish.permission);
  const period = await getPeriodByMonth(input.month);
  const published = await db.$transaction(async (tx) => {
    const locked = await lockPeriod(tx, period.id, "status", input.expectedPeriodVersion);
    const status = assertPeriodTransition(user.role, locked, "publish");
    const pack = await tx.packVersion.findFirst({ where: { periodId: period.id, publishedAt: null }, orderBy: { version: "desc" } });
    if (!pack) throw new AppError("INVALID_TRANSITION", "There is no signed-off version to publish");
    if (!verifyContentHash(pack.snapshot, pack.contentHash)) {
      throw new AppError(
        "INVALID_TRANSITION",
        `Version ${pack.version} failed its integrity check (the stored pack does not match its hash), so it cannot be published. Tell your administrator.`,
      );
    }
    const previous = await tx.packVersion.findFirst({
      where: { periodId: period.id, publishedAt: { not: null }, supersededById: null },
      orderBy: { version: "desc" },
    });
    await tx.packVersion.update({ where: { id: pack.id }, data: { publishedAt: now, publishedById: user.id } });
    if (previous) await tx.packVersion.update({ where: { id: previous.id }, data: { supersededById: pack.id } });
    await tx.period.update({ where: { id: period.id }, data: { status, version: { increment: 1 } } });
    await recordAudit(tx, user, {
      action: "pack.published",
      entityType: "PackVersion",
      entityId: pack.id,
      periodMonth: period.month,
      after: { version: pack.version, supersedes: previous?.version ?? null },
    });
    return { id: pack.id, version: pack.version };
  });
  if (opts.storePages !== false) await storePackPagesAfterCommit(period.month);
  return published;
}
