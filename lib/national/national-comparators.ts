// The published comparators of a linked indicator, as the pack and section page show them and the
// snapshot freezes them: each with its own year, never a month.
import type { Polarity } from "@/lib/generated/prisma/enums";
import { neighboursAverage, rankAndQuartile, yearLabel, yearOrder, type PublishedFigure } from "@/lib/national/comparators";
import { dfeYearEnd, periodHadEnded } from "@/lib/pack/snapshot/pack-comparators";

export type AreaFigure = { year: string; yearLabel: string; value: number | null; symbol: string | null };

export type NationalComparators = {
  measureCode: string;
  measureName: string;
  england: AreaFigure | null;
  region: (AreaFigure & { name: string }) | null;
  neighbours: { year: string; yearLabel: string; mean: number | null; count: number; of: number } | null;
  /** The council's own published figure, with its rank among all authorities; null for a fictional council. */
  own: (AreaFigure & { rank: number | null; of: number | null; quartile: number | null }) | null;
};

export type MeasureFigures = {
  code: string;
  name: string;
  polarity: Polarity;
  yearType: string;
  figures: { areaCode: string; areaName: string; year: string; value: number | null; symbol: string | null }[];
};
export type CouncilPlace = {
  laNumber: string;
  borrowed: boolean;
  regionCode: string | null;
  regionName: string | null;
  neighbours: string[];
};

const isAuthority = (code: string) => /^\d{3}$/.test(code) && Number(code) < 970;

type Figure = MeasureFigures["figures"][number];

/** A pack compares with years that had ended by its month (the one rule: lib/pack/snapshot/pack-comparators.ts). */
const endedBy = (asOfMonth?: string) => (f: Figure) => !asOfMonth || periodHadEnded(dfeYearEnd(f.year), asOfMonth);
const latestOf = (list: Figure[]) => list.reduce((a, b) => (yearOrder(b.year) > yearOrder(a.year) ? b : a));

/** The areas whose own figures the comparators show: England (970), the region, the neighbours, and the council unless it borrows its place. */
export function comparatorAreas(place: CouncilPlace | null): string[] {
  return [
    "970",
    ...(place?.regionCode ? [place.regionCode] : []),
    ...(place?.neighbours ?? []),
    ...(place && !place.borrowed ? [place.laNumber] : []),
  ];
}

/** The year of the council's own latest figure for a pack of asOfMonth, in which it is ranked among every authority; null when it is not ranked. */
export function ownFigureYear(figures: Figure[], place: CouncilPlace | null, asOfMonth?: string): string | null {
  if (!place || place.borrowed) return null;
  const ended = endedBy(asOfMonth);
  const mine = figures.filter((f) => f.areaCode === place.laNumber && ended(f));
  return mine.length ? latestOf(mine).year : null;
}

/**
 * Works out the comparators from a measure's figures: at least those of comparatorAreas, and every
 * authority's in the council's ownFigureYear (for its rank). Each area's latest year is its own.
 */
export function buildNationalComparators(measure: MeasureFigures, place: CouncilPlace | null, asOfMonth?: string): NationalComparators {
  const ended = endedBy(asOfMonth);
  const byArea = new Map<string, MeasureFigures["figures"]>();
  for (const f of measure.figures) if (ended(f)) byArea.set(f.areaCode, [...(byArea.get(f.areaCode) ?? []), f]);
  const latest = (code: string | null) => {
    const list = code ? byArea.get(code) : undefined;
    if (!list?.length) return null;
    const f = latestOf(list);
    return { year: f.year, yearLabel: yearLabel(f.year, measure.yearType), value: f.value, symbol: f.symbol };
  };
  const england = latest("970");
  const region = place?.regionCode ? latest(place.regionCode) : null;

  let neighbours: NationalComparators["neighbours"] = null;
  if (place && place.neighbours.length) {
    // The neighbours are compared in one year: the latest any of them has.
    const years = place.neighbours.flatMap((n) => byArea.get(n) ?? []).map((f) => f.year);
    const year = years.reduce<string | null>((a, b) => (a === null || yearOrder(b) > yearOrder(a) ? b : a), null);
    if (year) {
      const figures = place.neighbours.map((n): PublishedFigure | undefined => byArea.get(n)?.find((f) => f.year === year));
      neighbours = { year, yearLabel: yearLabel(year, measure.yearType), ...neighboursAverage(figures) };
    }
  }

  let own: NationalComparators["own"] = null;
  const mine = place && !place.borrowed ? latest(place.laNumber) : null;
  if (mine) {
    const all = measure.figures.filter((f) => f.year === mine.year && isAuthority(f.areaCode) && f.value !== null).map((f) => f.value!);
    const ranked = mine.value === null ? null : rankAndQuartile(mine.value, all, measure.polarity);
    own = { ...mine, rank: ranked?.rank ?? null, of: ranked?.of ?? null, quartile: ranked?.quartile ?? null };
  }
  return {
    measureCode: measure.code,
    measureName: measure.name,
    england,
    region: region && place?.regionName ? { ...region, name: place.regionName } : null,
    neighbours,
    own,
  };
}
