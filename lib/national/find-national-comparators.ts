// Reads what the comparators need for the indicators given: their linked measures' figures and the
// council's place (its region and neighbours). Inside the sign-off transaction, so the snapshot
// freezes what was published then.
import "server-only";
import type { db, Tx } from "@/lib/db";
import {
  buildNationalComparators,
  comparatorAreas,
  ownFigureYear,
  type CouncilPlace,
  type MeasureFigures,
  type NationalComparators,
} from "@/lib/national/national-comparators";
import { REGION_CODES } from "@/lib/national/parse-national-file";

type Client = Tx | typeof db;

export async function findCouncilPlace(client: Client): Promise<CouncilPlace | null> {
  const setting = await client.councilSetting.findUnique({ where: { id: 1 } });
  if (!setting?.laNumber) return null;
  const neighbours = await client.statisticalNeighbour.findMany({
    where: { laNumber: setting.laNumber },
    orderBy: { position: "asc" },
    select: { neighbourLaNumber: true, region: true },
  });
  // The neighbours file names each authority's region; LAIT numbers the regions (980-990).
  const regionName = neighbours[0]?.region ?? null;
  const regionCode = regionName ? (REGION_CODES[regionName.toLowerCase()] ?? null) : null;
  return {
    laNumber: setting.laNumber,
    borrowed: setting.borrowed,
    regionCode,
    regionName,
    neighbours: neighbours.map((n) => n.neighbourLaNumber),
  };
}

const FIGURE = { measureCode: true, areaCode: true, areaName: true, year: true, value: true, symbol: true } as const;

/**
 * asOfMonth: a pack's month, so that it compares with the years that had ended by then.
 * Reads only the figures the comparators use: England's, the region's, the neighbours' and the
 * council's own, and every authority's only in the year the council is ranked in. Reading every
 * figure of every linked measure (21,760 rows for the demo's 13) was most of the live preview's
 * database time.
 */
export async function findNationalComparators(
  client: Client,
  indicators: { id: string; nationalMeasureCode: string | null }[],
  asOfMonth?: string,
): Promise<Map<string, NationalComparators>> {
  const codes = [...new Set(indicators.flatMap((i) => (i.nationalMeasureCode ? [i.nationalMeasureCode] : [])))];
  if (!codes.length) return new Map();
  const [place, measures] = await Promise.all([
    findCouncilPlace(client),
    client.nationalMeasure.findMany({ where: { code: { in: codes } }, select: { code: true, name: true, polarity: true, yearType: true } }),
  ]);
  const areas = comparatorAreas(place);
  const figures = await client.nationalFigure.findMany({
    where: { measureCode: { in: codes }, areaCode: { in: areas } },
    orderBy: [{ areaCode: "asc" }, { year: "asc" }],
    select: FIGURE,
  });
  const byMeasure = new Map<string, MeasureFigures["figures"]>(measures.map((m) => [m.code, []]));
  for (const f of figures) byMeasure.get(f.measureCode)?.push(f);
  const rankYears = measures.flatMap((m) => {
    const year = ownFigureYear(byMeasure.get(m.code)!, place, asOfMonth);
    return year ? [{ measureCode: m.code, year }] : [];
  });
  if (rankYears.length) {
    const others = await client.nationalFigure.findMany({ where: { OR: rankYears, areaCode: { notIn: areas } }, select: FIGURE });
    for (const f of others) byMeasure.get(f.measureCode)?.push(f);
  }
  const byCode = new Map(
    measures.map((m) => [m.code, buildNationalComparators({ ...m, figures: byMeasure.get(m.code)! }, place, asOfMonth)]),
  );
  const result = new Map<string, NationalComparators>();
  for (const i of indicators) {
    const c = i.nationalMeasureCode ? byCode.get(i.nationalMeasureCode) : undefined;
    if (c) result.set(i.id, c);
  }
  return result;
}
