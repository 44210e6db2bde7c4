// Signing off freezes the pack: with the period row locked, it checks every section is approved
// and every value is in, builds the snapshot, renders its charts once, hashes it all and stores it
// as the next version. Edits wait for the lock or are refused after it.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { getPeriodByMonth } from "@/lib/periods/find-period";
import { checkReadiness } from "@/lib/periods/readiness";
import { buildSnapshot } from "@/lib/pack/snapshot/build-snapshot";
import { renderCharts } from "@/lib/pack/snapshot/render-charts";
import { chartSpecFor, hasChart } from "@/lib/pack/snapshot/chart-spec";
import { contentHash } from "@/lib/pack/snapshot/content-hash";
import type { PackSnapshot } from "@/lib/pack/snapshot/snapshot-types";
import { lockPeriod } from "@/lib/periods/lock-period";
import { PERIOD_TRANSITIONS, assertPeriodTransition } from "@/lib/periods/period-lifecycle";
import { endActionsShownLast } from "@/lib/exception-actions/snapshot-actions";

export async function signOffPack(user: SessionUser, input: { month: string; expectedPeriodVersion: number }, now = new Date()) {
  assertCan(user, PERIOD_TRANSITIONS.signOff.permission);
  const period = await getPeriodByMonth(input.month);
  const result = await db.$transaction(
    async (tx) => {
      const locked = await lockPeriod(tx, period.id, "status", input.expectedPeriodVersion);
      const status = assertPeriodTransition(user.role, locked, "signOff");
      const readiness = await checkReadiness(period.id, tx);
      if (!readiness.ready) {
        const parts = [
          readiness.sectionsNotApproved.length
            ? `${readiness.sectionsNotApproved.length} section${readiness.sectionsNotApproved.length === 1 ? " is" : "s are"} not approved (${readiness.sectionsNotApproved.map((s) => s.name).join(", ")})`
            : "",
          readiness.missingValues.length
            ? `${readiness.missingValues.length} indicator${readiness.missingValues.length === 1 ? " has" : "s have"} no value (${readiness.missingValues
                .slice(0, 5)
                .map((m) => m.name)
                .join(", ")}${readiness.missingValues.length > 5 ? "..." : ""})`
            : "",
        ].filter(Boolean);
        throw new AppError("INVALID_TRANSITION", `The pack cannot be signed off yet: ${parts.join("; ")}.`);
      }
      const last = await tx.packVersion.aggregate({ where: { periodId: period.id }, _max: { version: true } });
      const version = (last._max.version ?? 0) + 1;
      const data = await buildSnapshot(tx, { period, version, signer: user, signedAt: now, amendmentReason: locked.amendmentReason });
      const charts = await renderCharts(
        data.sections.flatMap((s) => s.indicators.filter(hasChart).map((i) => chartSpecFor(i, data.month))),
      );
      const snapshot: PackSnapshot = { ...data, charts };
      const hash = contentHash(snapshot);
      const pack = await tx.packVersion.create({
        data: {
          periodId: period.id,
          version,
          snapshot,
          contentHash: hash,
          signedOffById: user.id,
          signedOffByName: user.name,
          signedOffByRole: user.role,
          signedOffAt: now,
          amendmentReason: locked.amendmentReason,
        },
      });
      await tx.period.update({ where: { id: period.id }, data: { status, version: { increment: 1 }, amendmentReason: null } });
      await endActionsShownLast(tx, period.month, data.sections);
      await recordAudit(tx, user, {
        action: "pack.signedOff",
        entityType: "PackVersion",
        entityId: pack.id,
        periodMonth: period.month,
        after: { version, contentHash: hash },
      });
      return { id: pack.id, version, contentHash: hash };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return result;
}
