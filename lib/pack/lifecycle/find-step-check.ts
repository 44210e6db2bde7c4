// What the director's check pages read before a step that cannot be undone: for sign-off, the pack
// as it would be frozen now (built as the preview builds it) and why it cannot be signed off yet;
// for publication, the signed-off version waiting, the version it replaces and who will read it.
// Reads only: the steps themselves are sign-off-pack.ts and publish-pack.ts.
import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { isMonth } from "@/lib/format/dates";
import { buildSnapshot } from "@/lib/pack/snapshot/build-snapshot";
import { verifyContentHash } from "@/lib/pack/snapshot/content-hash";
import { readSnapshot } from "@/lib/pack/snapshot/read-snapshot";
import { checkReadiness, type Readiness } from "@/lib/periods/readiness";
import { planPeriodTransition, type PeriodPlan } from "@/lib/periods/period-lifecycle";
import { summarisePack, type PackSummary } from "@/lib/pack/lifecycle/summarise-pack";

const PERIOD_SELECT = { id: true, month: true, status: true, version: true, panelMeetingDate: true, amendmentReason: true } as const;

/**
 * The people a publication is for: every active panel member, by name. Staff can read every
 * published pack too; Scrutiny Pack emails no one when a pack is published, so this is who will
 * find it in their list of packs, not who is sent it.
 */
export async function findPanelAudience(): Promise<string[]> {
  const members = await db.user.findMany({
    where: { role: "PANEL_MEMBER", active: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { name: true },
  });
  return members.map((m) => m.name);
}

export type SignOffCheck = {
  period: { month: string; status: string; version: number; amendmentReason: string | null };
  plan: PeriodPlan;
  /** The version sign-off would make. */
  nextVersion: number;
  /** Why it cannot be signed off yet, in the readiness check's own terms; empty when it can. */
  notApproved: Readiness["sectionsNotApproved"];
  missingValues: Readiness["missingValues"];
  /** What would be frozen, when it can be signed off. */
  summary: PackSummary | null;
};

/** Null when there is no such month. */
export async function findSignOffCheck(user: SessionUser, month: string): Promise<SignOffCheck | null> {
  assertCan(user, "pack.signOff");
  if (!isMonth(month)) return null;
  const period = await db.period.findUnique({ where: { month }, select: PERIOD_SELECT });
  if (!period) return null;
  const plan = planPeriodTransition(user.role, period, "signOff");
  const readiness = await checkReadiness(period.id);
  const last = await db.packVersion.aggregate({ where: { periodId: period.id }, _max: { version: true } });
  const nextVersion = (last._max.version ?? 0) + 1;
  const summary =
    plan.ok && readiness.ready
      ? summarisePack(
          await buildSnapshot(db, {
            period,
            version: nextVersion,
            signer: user,
            signedAt: new Date(),
            amendmentReason: period.amendmentReason,
          }),
        )
      : null;
  return {
    period,
    plan,
    nextVersion,
    notApproved: readiness.sectionsNotApproved,
    missingValues: readiness.missingValues,
    summary,
  };
}

export type PublishCheck = {
  period: { month: string; status: string; version: number };
  plan: PeriodPlan;
  /** The signed-off version waiting for publication. */
  pending: {
    version: number;
    signedOffByName: string;
    signedOffAt: Date;
    amendmentReason: string | null;
    /** False when the stored pack fails its hash or cannot be read: publication will refuse it. */
    intact: boolean;
    summary: PackSummary | null;
  } | null;
  /** The published version this one will supersede (an amendment), which stays readable. */
  replaces: number | null;
  panel: string[];
};

export async function findPublishCheck(user: SessionUser, month: string): Promise<PublishCheck | null> {
  assertCan(user, "pack.publish");
  if (!isMonth(month)) return null;
  const period = await db.period.findUnique({ where: { month }, select: PERIOD_SELECT });
  if (!period) return null;
  const plan = planPeriodTransition(user.role, period, "publish");
  // The same choices publishPack makes: the newest unpublished version, and the current published one.
  const pack = await db.packVersion.findFirst({
    where: { periodId: period.id, publishedAt: null },
    orderBy: { version: "desc" },
    select: { version: true, signedOffByName: true, signedOffAt: true, amendmentReason: true, snapshot: true, contentHash: true },
  });
  const previous = await db.packVersion.findFirst({
    where: { periodId: period.id, publishedAt: { not: null }, supersededById: null },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  let pending: PublishCheck["pending"] = null;
  if (pack) {
    const read = verifyContentHash(pack.snapshot, pack.contentHash) ? readSnapshot(pack.snapshot) : null;
    pending = {
      version: pack.version,
      signedOffByName: pack.signedOffByName,
      signedOffAt: pack.signedOffAt,
      amendmentReason: pack.amendmentReason,
      intact: Boolean(read?.ok),
      summary: read?.ok ? summarisePack(read.snapshot) : null,
    };
  }
  return { period, plan, pending, replaces: previous?.version ?? null, panel: await findPanelAudience() };
}
