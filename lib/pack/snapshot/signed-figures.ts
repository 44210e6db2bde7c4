// Which figures of other months a pack may show: only months that are signed off. A month still
// open (or being amended) has figures nobody has vouched for, so the pack shows a gap labelled
// "not yet signed off" rather than an unsigned number. A month being amended shows what its last
// signed-off version said. History months (loaded by a history import) count as published figures.
import "server-only";
import type { db, Tx } from "@/lib/db";
import type { PeriodStatus } from "@/lib/generated/prisma/enums";
import { isSuppressed, type SuppressionRules } from "@/lib/judgement";
import { SIGNED_STATES } from "@/lib/periods/period-lifecycle";

export type Figure = {
  value: number | null;
  suppressed: boolean;
  notAvailableReason: string | null;
  note: string | null;
  revised: boolean;
  provenance?: unknown;
};
export type MonthState = "signed" | "unsigned" | "none";

/** A period's figures may be read from its live values once signed off: edits are refused from then on. */
const SIGNED_LIVE: ReadonlySet<PeriodStatus> = new Set(SIGNED_STATES);

type Indicator = SuppressionRules & { id: string; code: string };
type SnapshotFigures = {
  sections?: {
    indicators?: { code: string; value: number | null; suppressed?: { value?: boolean }; notAvailableReason?: string | null }[];
  }[];
};

/**
 * Figures for each indicator and month from `first` to `current`. The current month (the one being
 * signed off or previewed) reads its live values; every other month only when signed off.
 */
export async function loadSignedFigures(tx: Tx | typeof db, input: { first: string; current: string; indicators: Indicator[] }) {
  const periods = await tx.period.findMany({
    where: { month: { gte: input.first, lte: input.current } },
    select: { id: true, month: true, status: true },
  });
  const state = new Map<string, MonthState>();
  const liveIds: string[] = [];
  const amending: { id: string; month: string }[] = [];
  for (const p of periods) {
    if (p.month === input.current || SIGNED_LIVE.has(p.status)) {
      liveIds.push(p.id);
      state.set(p.month, "signed");
    } else if (p.status === "AMENDING") {
      amending.push(p);
      state.set(p.month, "signed");
    } else state.set(p.month, "unsigned");
  }
  const figures = new Map<string, Figure>();
  const byId = new Map(input.indicators.map((i) => [i.id, i]));
  const values = await tx.indicatorValue.findMany({
    where: { periodId: { in: liveIds }, indicatorId: { in: [...byId.keys()] } },
    select: {
      indicatorId: true,
      value: true,
      notAvailableReason: true,
      note: true,
      revisedAfterSubmission: true,
      provenance: true,
      period: { select: { month: true } },
    },
  });
  for (const v of values) {
    const ind = byId.get(v.indicatorId)!;
    figures.set(`${v.indicatorId}|${v.period.month}`, {
      value: v.value,
      suppressed: isSuppressed(v.value, ind),
      notAvailableReason: v.notAvailableReason,
      note: v.note,
      revised: v.revisedAfterSubmission,
      provenance: v.provenance,
    });
  }
  const byCode = new Map(input.indicators.map((i) => [i.code, i]));
  for (const p of amending) {
    const last = await tx.packVersion.findFirst({ where: { periodId: p.id }, orderBy: { version: "desc" }, select: { snapshot: true } });
    const snap = last?.snapshot as SnapshotFigures | undefined;
    for (const ind of snap?.sections?.flatMap((s) => s.indicators ?? []) ?? []) {
      const live = byCode.get(ind.code);
      if (!live) continue;
      figures.set(`${live.id}|${p.month}`, {
        value: ind.value,
        suppressed: Boolean(ind.suppressed?.value),
        notAvailableReason: ind.notAvailableReason ?? null,
        note: null,
        revised: false,
      });
    }
  }
  return {
    figure: (indicatorId: string, month: string): Figure | undefined => figures.get(`${indicatorId}|${month}`),
    monthState: (month: string): MonthState => state.get(month) ?? "none",
  };
}
