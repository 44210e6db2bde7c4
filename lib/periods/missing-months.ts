// The earlier months a trend needs that have no figures at all: a council's first packs would
// otherwise say "no figure for March" for every indicator, and nothing would say why. Named as runs
// ("September 2019 to March 2020"), with a link to the history import on the pages that show it.
import { addMonths, formatMonth } from "@/lib/format/dates";

/** How far back the pack looks: its trend charts show 24 months. */
export const LOOKBACK_MONTHS = 24;

/** The months before `month`, within the look-back, that are not in `withFigures`, as runs of consecutive months. */
export function findMissingRuns(month: string, withFigures: Set<string>, lookback = LOOKBACK_MONTHS): { from: string; to: string }[] {
  const runs: { from: string; to: string }[] = [];
  for (let i = lookback - 1; i >= 1; i--) {
    const m = addMonths(month, -i);
    if (withFigures.has(m)) continue;
    const last = runs.at(-1);
    if (last && addMonths(last.to, 1) === m) last.to = m;
    else runs.push({ from: m, to: m });
  }
  return runs;
}

/** "September 2019 to March 2020 have no figures", "March 2020 has no figures". */
export function describeMissingRuns(runs: { from: string; to: string }[]): string | null {
  if (!runs.length) return null;
  const parts = runs.map((r) => (r.from === r.to ? formatMonth(r.from) : `${formatMonth(r.from)} to ${formatMonth(r.to)}`));
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
  const single = runs.length === 1 && runs[0].from === runs[0].to;
  return `${list} ${single ? "has" : "have"} no figures: trends and \u2018on last month\u2019 are incomplete`;
}
