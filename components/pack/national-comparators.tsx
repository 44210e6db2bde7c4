// DfE's published comparators for one indicator, each with its own year ("2024-25", "at 31 March
// 2025"): never set against a month as if it were the same period. A figure DfE did not publish
// shows its reason, never a zero.
import type { NationalComparators } from "@/lib/national/national-comparators";
import type { Unit } from "@/lib/generated/prisma/enums";
import { describeSymbol } from "@/lib/national/symbols";
import { formatTableValue } from "@/lib/judgement";

type Rules = { unit: Unit; decimals: number };

const ORDINAL = ["", "1st", "2nd", "3rd", "4th"];

function Figure({ value, symbol, rules }: { value: number | null; symbol: string | null; rules: Rules }) {
  if (value === null) return <span className="app-muted">{describeSymbol(symbol ?? "x")}</span>;
  // DfE's figures carry their own precision: one decimal place at most, whatever the indicator shows.
  return <b>{formatTableValue(Number(value.toFixed(1)), { ...rules, decimals: Math.max(rules.decimals, value % 1 === 0 ? 0 : 1) })}</b>;
}

export function NationalComparatorList({
  national,
  rules,
  councilName,
}: {
  national: NationalComparators;
  rules: Rules;
  councilName?: string;
}) {
  const { england, region, neighbours, own } = national;
  if (!england && !region && !neighbours && !own) return <span className="app-muted">No DfE figure yet for {national.measureCode}</span>;
  return (
    <ul className="app-pack-comparators app-pack-comparators--national">
      {england ? (
        <li>
          England {england.yearLabel}: <Figure value={england.value} symbol={england.symbol} rules={rules} />
        </li>
      ) : null}
      {region ? (
        <li>
          {region.name} {region.yearLabel}: <Figure value={region.value} symbol={region.symbol} rules={rules} />
        </li>
      ) : null}
      {neighbours ? (
        <li>
          Statistical neighbours {neighbours.yearLabel}:{" "}
          {neighbours.mean === null ? (
            <span className="app-muted">no neighbour has a figure</span>
          ) : (
            <Figure value={neighbours.mean} symbol={null} rules={rules} />
          )}{" "}
          ({neighbours.count} of {neighbours.of} neighbours)
        </li>
      ) : null}
      {own ? (
        <li>
          {councilName ?? "This council"} {own.yearLabel}: <Figure value={own.value} symbol={own.symbol} rules={rules} />
          {own.rank !== null && own.of !== null && own.quartile !== null ? (
            <>
              {" "}
              (ranked {own.rank} of {own.of}, {ORDINAL[own.quartile]} quartile)
            </>
          ) : null}
        </li>
      ) : null}
    </ul>
  );
}
