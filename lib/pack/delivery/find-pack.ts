// The pack as a reader asks for it: the latest published version (or ?version=N), its amendment
// log, and for staff a live preview before publication. Panel members and the public see published
// versions only; anything else is "not found". A snapshot that fails its hash is never shown.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { appConfig } from "@/lib/config/app";
import { isMonth } from "@/lib/format/dates";
import { verifyContentHash } from "@/lib/pack/snapshot/content-hash";
import { buildSnapshot } from "@/lib/pack/snapshot/build-snapshot";
import type { PackSnapshot } from "@/lib/pack/snapshot/snapshot-types";
import { isPeriodEditable } from "@/lib/periods/period-lifecycle";
import { readSnapshot } from "@/lib/pack/snapshot/read-snapshot";
import { packQuestionsOf, type PackQuestions } from "@/lib/questions/pack-questions";
import { markOverdueActions } from "@/lib/exception-actions/snapshot-actions";
import { deadlineToday } from "@/lib/deadlines/find-deadlines";

export type AmendmentEntry = {
  version: number;
  signedOffAt: string;
  signedOffByName: string;
  publishedAt: string | null;
  reason: string | null;
};

export type PackView =
  | {
      kind: "frozen";
      snapshot: PackSnapshot;
      version: number;
      published: boolean;
      publishedAt: string | null;
      supersededByVersion: number | null;
      latestPublishedVersion: number | null;
      amendments: AmendmentEntry[];
      contentHash: string;
      packVersionId: string;
      /** The addendum: approved answers to the panel's questions on this month's pack. */
      questions: PackQuestions | null;
    }
  | { kind: "preview"; snapshot: Omit<PackSnapshot, "charts">; periodStatus: string; amendments: AmendmentEntry[] }
  /** Not shown to anyone: the stored pack fails its hash, or (with `unreadable`) its schema. */
  | { kind: "tampered"; version: number; month: string; unreadable?: string };

export function mayReadPacks(user: SessionUser | null): boolean {
  return user ? can(user.role, "pack.readPublished") : appConfig.publicPacks;
}

const notFound = () => new AppError("NOT_FOUND", "There is no published pack for that month");

const VERSION_SELECT = {
  id: true,
  version: true,
  publishedAt: true,
  signedOffAt: true,
  signedOffByName: true,
  amendmentReason: true,
  supersededById: true,
  contentHash: true,
} as const;

/**
 * A month's period and its versions (no snapshots): everything that decides which version a reader
 * gets; and the panel's approved questions with the count still waiting (the pack's addendum).
 */
export async function loadMonthState(month: string) {
  if (!isMonth(month)) return null;
  const period = await db.period.findUnique({
    where: { month },
    include: {
      packVersions: { orderBy: { version: "asc" }, select: VERSION_SELECT },
      questions: { where: { status: "APPROVED" }, orderBy: { askedAt: "asc" }, select: APPROVED_QUESTION_SELECT },
      _count: { select: { questions: { where: { status: { not: "APPROVED" } } } } },
    },
  });
  if (!period) return null;
  const { _count, ...rest } = period;
  return { ...rest, unanswered: _count.questions };
}

const APPROVED_QUESTION_SELECT = {
  body: true,
  askedByName: true,
  askedAt: true,
  answer: true,
  answeredByName: true,
  approvedByName: true,
  approvedAt: true,
  section: { select: { name: true, slug: true } },
  indicator: { select: { code: true, name: true } },
} as const;

/** The month's "Questions from the panel", by the council's settings, as of now. */
export const monthQuestions = (period: MonthState, now = new Date()) =>
  packQuestionsOf(period, { clearDays: appConfig.questionClearDays, showNames: appConfig.showAskerNames }, now);

export type MonthState = NonNullable<Awaited<ReturnType<typeof loadMonthState>>>;

export function amendmentEntry(v: MonthState["packVersions"][number]): AmendmentEntry {
  return {
    version: v.version,
    signedOffAt: v.signedOffAt.toISOString(),
    signedOffByName: v.signedOffByName,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    reason: v.amendmentReason,
  };
}

/**
 * Which version a reader gets (or a staff preview), by the rules of the whole app: the pack page, the
 * stored pages and the downloads all ask here, so they can never disagree.
 */
export function chooseVersion(user: SessionUser | null, period: MonthState | null, opts: { version?: number; preview?: boolean } = {}) {
  if (!mayReadPacks(user))
    throw user ? new AppError("FORBIDDEN", "You do not have access to packs") : new AppError("UNAUTHENTICATED", "Sign in to read packs");
  if (!period) throw notFound();
  const staff = user ? can(user.role, "pack.preview") : false;
  const visible = period.packVersions.filter((v) => v.publishedAt || staff);
  const amendments = visible.map(amendmentEntry);
  const latestPublished = [...period.packVersions].reverse().find((v) => v.publishedAt) ?? null;
  const wantPreview = staff && (opts.preview || (!opts.version && !latestPublished && isPeriodEditable(period.status)));
  const chosen = wantPreview
    ? undefined
    : opts.version !== undefined
      ? visible.find((v) => v.version === opts.version)
      : (latestPublished ?? (staff ? visible.at(-1) : undefined));
  if (!wantPreview && !chosen) throw notFound();
  return { period, staff, visible, amendments, latestPublished, wantPreview, chosen };
}

/** chooseVersion on a fresh read of the month. */
export async function resolvePackVersion(user: SessionUser | null, month: string, opts: { version?: number; preview?: boolean } = {}) {
  if (!mayReadPacks(user))
    throw user ? new AppError("FORBIDDEN", "You do not have access to packs") : new AppError("UNAUTHENTICATED", "Sign in to read packs");
  return chooseVersion(user, await loadMonthState(month), opts);
}

export async function findPackView(
  user: SessionUser | null,
  month: string,
  opts: { version?: number; preview?: boolean } = {},
): Promise<PackView> {
  return packViewOf(await resolvePackVersion(user, month, opts));
}

/** The pack a choice (chooseVersion) stands for: a live draft built now, or the stored snapshot, checked against its hash. */
export async function packViewOf(choice: ReturnType<typeof chooseVersion>): Promise<PackView> {
  const { period, amendments, latestPublished, wantPreview, chosen: found } = choice;
  const month = period.month;
  if (wantPreview) {
    // Read outside a transaction: at READ COMMITTED each statement sees what was committed when it
    // began either way, and an interactive transaction held a pooled connection for the whole
    // build, so ten previews at once ran out of connections ("Unable to start a transaction").
    const snapshot = await buildSnapshot(db, {
      period,
      version: (period.packVersions.at(-1)?.version ?? 0) + 1,
      signer: { name: "", role: "DIRECTOR" },
      signedAt: new Date(),
      amendmentReason: period.amendmentReason,
    });
    markOverdueActions(snapshot.sections, deadlineToday());
    return { kind: "preview", snapshot, periodStatus: period.status, amendments };
  }
  const chosen = found!;
  const stored = await db.packVersion.findUniqueOrThrow({
    where: { id: chosen.id },
    select: { snapshot: true, contentHash: true, supersededBy: { select: { version: true } } },
  });
  if (!verifyContentHash(stored.snapshot, stored.contentHash)) {
    console.error(
      `Pack ${month} version ${chosen.version} failed its integrity check: stored snapshot does not match contentHash ${stored.contentHash}`,
    );
    return { kind: "tampered", version: chosen.version, month };
  }
  const read = readSnapshot(stored.snapshot);
  if (!read.ok) {
    console.error(`Pack ${month} version ${chosen.version} cannot be read: ${read.reason}`);
    return { kind: "tampered", version: chosen.version, month, unreadable: read.reason };
  }
  return {
    kind: "frozen",
    snapshot: read.snapshot,
    version: chosen.version,
    published: Boolean(chosen.publishedAt),
    publishedAt: chosen.publishedAt?.toISOString() ?? null,
    supersededByVersion: stored.supersededBy?.version ?? null,
    latestPublishedVersion: latestPublished?.version ?? null,
    amendments,
    contentHash: stored.contentHash,
    packVersionId: chosen.id,
    questions: monthQuestions(period),
  };
}

/** Every published pack, newest month first, with its latest version and publication date. */
export async function listPublishedPacks(user: SessionUser | null) {
  if (!mayReadPacks(user))
    throw user ? new AppError("FORBIDDEN", "You do not have access to packs") : new AppError("UNAUTHENTICATED", "Sign in to read packs");
  const versions = await db.packVersion.findMany({
    where: { publishedAt: { not: null }, supersededById: null },
    orderBy: { period: { month: "desc" } },
    select: { version: true, publishedAt: true, period: { select: { month: true, panelMeetingDate: true } } },
  });
  return versions.map((v) => ({
    month: v.period.month,
    panelMeetingDate: v.period.panelMeetingDate,
    version: v.version,
    publishedAt: v.publishedAt!,
  }));
}
