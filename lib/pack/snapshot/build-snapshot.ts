// Builds the frozen pack from live data, inside the sign-off transaction: values, 24-month trends,
// targets in force, RAG, direction of travel, comparators, commentary with its authors, owners.
import "server-only";
import type { db, Tx } from "@/lib/db";
import { appConfig } from "@/lib/config/app";
import { addMonths } from "@/lib/format/dates";
import { formatPanelChange, isException, judgeMonth, summaryLine } from "@/lib/judgement";
import type { TargetRow } from "@/lib/catalogue/target-in-force";
import type { Polarity, Unit, MeasureType } from "@/lib/generated/prisma/enums";
import { findNationalComparators } from "@/lib/national/find-national-comparators";
import type { NationalComparators } from "@/lib/national/national-comparators";
import { typedComparatorsToFreeze } from "@/lib/pack/snapshot/pack-comparators";
import { loadSignedFigures } from "@/lib/pack/snapshot/signed-figures";
import { attachExceptionActions } from "@/lib/exception-actions/snapshot-actions";
import type { Role } from "@/lib/generated/prisma/enums";
import { SNAPSHOT_SCHEMA, type PackSnapshot, type SnapshotIndicator, type SnapshotSection } from "@/lib/pack/snapshot/snapshot-types";
import { provenanceForPack, readProvenance } from "@/lib/annex-a/provenance";
import { SMALL_NUMBER_MAX } from "@/lib/judgement/suppression";
import { snapshotRecommendations } from "@/lib/recommendations/snapshot-recommendations";

export const PACK_TITLE = "Children's Services Performance Overview";
const TREND_MONTHS = 24;

export const initialsOf = (name: string) =>
  name
    .replace(/^(Cllr|Dr|Mr|Mrs|Ms|Miss)\.?\s+/i, "")
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase())
    .join("");

type BuildInput = {
  period: { id: string; month: string; panelMeetingDate: Date | null };
  version: number;
  signer: { name: string; role: Role };
  signedAt: Date;
  amendmentReason: string | null;
};

/** tx: the sign-off transaction, or for a live preview the client itself (see findPackView). */
export async function buildSnapshot(tx: Tx | typeof db, input: BuildInput): Promise<Omit<PackSnapshot, "charts">> {
  const { month } = input.period;
  const first = addMonths(month, -(TREND_MONTHS - 1));

  // One after another: a transaction is one connection, which runs one query at a time anyway.
  const sections = await tx.section.findMany({
    orderBy: { order: "asc" },
    include: {
      owners: { include: { user: { select: { name: true } } } },
      indicators: {
        where: { active: true },
        orderBy: { order: "asc" },
        include: { targets: true, comparators: { orderBy: [{ periodLabel: "asc" }, { label: "asc" }] } },
      },
    },
  });
  const signed = await loadSignedFigures(tx, { first, current: month, indicators: sections.flatMap((s) => s.indicators) });
  const national = await findNationalComparators(
    tx,
    sections.flatMap((s) => s.indicators),
    month,
  );
  const commentaries = await tx.commentary.findMany({
    where: { periodId: input.period.id },
    include: {
      revisions: { orderBy: { number: "asc" }, select: { authorName: true, authorRole: true } },
      reviewComments: { where: { action: "APPROVE" }, orderBy: { createdAt: "desc" }, take: 1 },
    },
  });

  const snapshotSections: SnapshotSection[] = sections.map((section) => {
    const c = commentaries.find((x) => x.sectionId === section.id);
    const authors = new Map<string, { name: string; initials: string; role: Role }>();
    for (const r of c?.revisions ?? [])
      if (!authors.has(r.authorName))
        authors.set(r.authorName, { name: r.authorName, initials: initialsOf(r.authorName), role: r.authorRole });
    const approval = c?.reviewComments[0];
    return {
      name: section.name,
      slug: section.slug,
      owners: section.owners.map((o) => o.user.name).sort(),
      commentary:
        c && c.body
          ? {
              body: c.body,
              authors: [...authors.values()],
              approvedByName: approval?.authorName ?? null,
              approvedAt: c.approvedAt?.toISOString() ?? null,
            }
          : null,
      indicators: section.indicators.map((ind) => buildIndicator(ind, month, signed, national.get(ind.id) ?? null)),
    };
  });

  await attachExceptionActions(
    tx,
    month,
    snapshotSections,
    new Map(sections.flatMap((s) => s.indicators.map((i) => [i.code, i.id] as const))),
  );

  return {
    schema: SNAPSHOT_SCHEMA,
    council: appConfig.councilName,
    title: PACK_TITLE,
    month,
    // Only history months have no panel date, and they never have a pack.
    panelMeetingDate: input.period.panelMeetingDate?.toISOString().slice(0, 10) ?? "",
    version: input.version,
    signedOff: { name: input.signer.name, role: input.signer.role, at: input.signedAt.toISOString() },
    amendmentReason: input.amendmentReason,
    sections: snapshotSections,
    recommendations: await snapshotRecommendations(tx, month, input.signedAt),
  };
}

type CatalogueIndicator = {
  id: string;
  code: string;
  name: string;
  definition: string;
  unit: Unit;
  polarity: Polarity;
  measureType: MeasureType;
  decimals: number;
  suppressSmallNumbers: boolean;
  targets: TargetRow[];
  comparators: { label: string; periodLabel: string; value: number; source: string | null }[];
};

/**
 * One indicator as the pack states it. Everything derived from a figure (change, RAG, direction,
 * exception) is withheld when that figure is suppressed: a rating against a target of 3 would
 * otherwise tell the reader what the "c" stands for.
 */
function buildIndicator(
  ind: CatalogueIndicator,
  month: string,
  signed: Awaited<ReturnType<typeof loadSignedFigures>>,
  national: NationalComparators | null,
): SnapshotIndicator {
  const lastMonthMonth = addMonths(month, -1);
  const lastYearMonth = addMonths(month, -12);
  const current = signed.figure(ind.id, month);
  const prevM = signed.figure(ind.id, lastMonthMonth);
  const prevY = signed.figure(ind.id, lastYearMonth);
  const value = current?.value ?? null;
  const lastMonth = prevM?.value ?? null;
  const lastYear = prevY?.value ?? null;
  const suppressed = { value: Boolean(current?.suppressed), lastMonth: Boolean(prevM?.suppressed), lastYear: Boolean(prevY?.suppressed) };
  const unsigned = {
    lastMonth: signed.monthState(lastMonthMonth) === "unsigned",
    lastYear: signed.monthState(lastYearMonth) === "unsigned",
  };
  const j = judgeMonth(ind, { month, value, lastMonth, lastYear, targets: ind.targets });
  const rules = { unit: ind.unit, decimals: ind.decimals, suppressSmallNumbers: ind.suppressSmallNumbers };
  const hide = (v: number | null, s: boolean) => (s ? null : v);
  const change = (prev: number | null) => (value === null || prev === null ? null : formatPanelChange(value, prev, rules));
  const vsLastMonth = suppressed.value || suppressed.lastMonth ? null : j.vsLastMonth;
  const vsLastYear = suppressed.value || suppressed.lastYear ? null : j.vsLastYear;
  const rag = suppressed.value ? null : j.rag;
  const comparable = ind.unit !== "COUNT";
  const first = addMonths(month, -(TREND_MONTHS - 1));
  const base = {
    code: ind.code,
    name: ind.name,
    definition: ind.definition,
    unit: ind.unit,
    polarity: ind.polarity,
    measureType: ind.measureType,
    decimals: ind.decimals,
    suppressSmallNumbers: ind.suppressSmallNumbers,
    value: hide(value, suppressed.value),
    suppressed,
    unsigned,
    notAvailableReason: current?.notAvailableReason ?? null,
    note: current?.note ?? null,
    revised: current?.revised ?? false,
    lastMonth: hide(lastMonth, suppressed.lastMonth),
    lastYear: hide(lastYear, suppressed.lastYear),
    target: j.target,
    rag,
    vsLastMonth,
    vsLastYear,
    changeVsLastMonth: change(lastMonth),
    changeVsLastYear: change(lastYear),
    comparators: typedComparatorsToFreeze(ind.comparators, national !== null, month).map((cmp) => ({
      label: cmp.label,
      periodLabel: cmp.periodLabel,
      value: cmp.value,
      source: cmp.source,
      comparable,
    })),
    national,
    provenance: provenanceForPack(
      readProvenance(current?.provenance),
      { suppressSmallNumbers: ind.suppressSmallNumbers, valueSuppressed: suppressed.value },
      SMALL_NUMBER_MAX,
    ),
    trend: Array.from({ length: TREND_MONTHS }, (_, i) => addMonths(first, i)).map((m) => {
      const f = signed.figure(ind.id, m);
      if (signed.monthState(m) === "unsigned") return { month: m, value: null, unsigned: true as const };
      return f?.suppressed ? { month: m, value: null, suppressed: true as const } : { month: m, value: f?.value ?? null };
    }),
  };
  return { ...base, summary: summaryLine(base, month), exception: isException(base) };
}
