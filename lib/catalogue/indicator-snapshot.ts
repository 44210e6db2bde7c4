// The fields of an indicator as the audit log records them, and which of them a change touched.
import type { Indicator } from "@/lib/generated/prisma/client";

export const AUDITED_FIELDS = [
  "code",
  "name",
  "sectionId",
  "definition",
  "unit",
  "polarity",
  "measureType",
  "decimals",
  "suppressSmallNumbers",
  "active",
  "order",
  "timescale",
  "timescaleBasis",
  "dataSource",
] as const;

type Audited = (typeof AUDITED_FIELDS)[number];
export type IndicatorSnapshot = Pick<Indicator, Audited>;

export function snapshotIndicator(i: IndicatorSnapshot): IndicatorSnapshot {
  return Object.fromEntries(AUDITED_FIELDS.map((f) => [f, i[f]])) as IndicatorSnapshot;
}

/** Only the fields that differ, before and after, so the audit log says what changed. */
export function diffIndicator(before: IndicatorSnapshot, after: IndicatorSnapshot) {
  const changed = AUDITED_FIELDS.filter((f) => before[f] !== after[f]);
  return {
    changed,
    before: Object.fromEntries(changed.map((f) => [f, before[f]])),
    after: Object.fromEntries(changed.map((f) => [f, after[f]])),
  };
}
