// Reads what the comparators need for the indicators given: their linked measures' figures and the
// council's place (its region and neighbours). Inside the sign-off transaction, so the snapshot
// freezes what was published then.
import "server-only";
import type { db, Tx } from "@/lib/db";
import { buildNationalComparators, type CouncilPlace, type NationalComparators } from "@/lib/national/national-comparators";
import { REGION_CODES } from "@/lib/national/parse-national-file";

type Client = Tx | typeof db;

export async function findCouncilPlace(client: Client): Promise<CouncilPlace | null> {
  const setting = await client.councilSetting.findUnique({ where: { id: 1 } });
  if (!setting?.laNumber) return null;
  const neighbours = await client.statisticalNeighbour.findMany({ where: { laNumber: setting.laNumber }, orderBy: { position: "asc" }, select: { neighbourLaNumber: true, region: true } });
  // The neighbours file names each authority's region; LAIT numbers the regions (980-990).
  const regionName = neighbours[0]?.region ?? null;
  const regionCode = regionName ? REGION_CODES[regionName.toLowerCase()] ?? null : null;
  return { laNumber: setting.laNumber, borrowed: setting.borrowed, regionCode, regionName, neighbours: neighbours.map((n) => n.neighbourLaNumber) };
}

/** asOfMonth: a pack's month, so that it compares with the years that had ended by then. */
export async function findNationalComparators(client: Client, indicators: { id: string; nationalMeasureCode: string | null }[], asOfMonth?: string): Promise<Map<string, NationalComparators>> {
  const codes = [...new Set(indicators.flatMap((i) => (i.nationalMeasureCode ? [i.nationalMeasureCode] : [])))];
  if (!codes.length) return new Map();
  const [place, measures] = await Promise.all([
    findCouncilPlace(client),
    client.nationalMeasure.findMany({ where: { code: { in: codes } }, include: { figures: { select: { areaCode: true, areaName: true, year: true, value: true, symbol: true } } } }),
  ]);
  const byCode = new Map(measures.map((m) => [m.code, buildNationalComparators(m, place, asOfMonth)]));
  const result = new Map<string, NationalComparators>();
  for (const i of indicators) {
    const c = i.nationalMeasureCode ? byCode.get(i.nationalMeasureCode) : undefined;
    if (c) result.set(i.id, c);
  }
  return result;
}
