// Comparators as a list, each with its own year ("2024-25", "at 31 March 2025"): never set against a
// month as if it were the same period. A figure DfE did not publish shows its reason, never a zero.
// Figures are printed to the indicator's decimal places, as the chart's words and the downloads give them.
import type { NationalComparators } from "@/lib/national/national-comparators";
import type { Unit } from "@/lib/generated/prisma/enums";
import { formatTableValue } from "@/lib/judgement";
import { nationalLines, type ComparatorLine } from "@/lib/pack/snapshot/pack-comparators";

type Rules = { unit: Unit; decimals: number };

export function ComparatorList({ lines, rules, none }: { lines: ComparatorLine[]; rules: Rules; none: string }) {
  if (!lines.length) return <span className="app-muted">{none}</span>;
  return (
    <ul className="app-pack-comparators">
      {lines.map((l) => (
        <li key={l.label}>
          {l.label} {l.periodLabel}:{" "}
          {l.value === null ? <span className="app-muted">{l.missing}</span> : <b>{formatTableValue(l.value, rules)}</b>}
          {l.detail ? ` ${l.detail}` : null}
        </li>
      ))}
    </ul>
  );
}

/** DfE's comparators as the section page shows them (worked out for its month already). */
export function NationalComparatorList({
  national,
  rules,
  councilName,
}: {
  national: NationalComparators;
  rules: Rules;
  councilName?: string;
}) {
  return (
    <ComparatorList
      lines={nationalLines(national, undefined, councilName)}
      rules={rules}
      none={`No DfE figure yet for ${national.measureCode}`}
    />
  );
}
