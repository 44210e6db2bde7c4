// What the validator compares a file against: the catalogue by code and the month's stored values.
// Read the same way for the preview and, inside the transaction, for the confirmation.
import "server-only";
import type { db, Tx } from "@/lib/db";
import type { ExistingValue } from "@/lib/import/import-preview";
import type { CatalogueEntry } from "@/lib/import/validate-import-rows";

type Client = Tx | typeof db;

export async function loadCatalogue(client: Client): Promise<Map<string, CatalogueEntry>> {
  const indicators = await client.indicator.findMany({
    select: { id: true, code: true, name: true, unit: true, decimals: true, active: true },
  });
  return new Map(indicators.map((i) => [i.code.toUpperCase(), i]));
}

export async function loadExistingValues(client: Client, periodId: string): Promise<Map<string, ExistingValue>> {
  const values = await client.indicatorValue.findMany({
    where: { periodId },
    select: { id: true, indicatorId: true, value: true, notAvailableReason: true, note: true, revision: true },
  });
  return new Map(values.map(({ indicatorId, ...v }) => [indicatorId, v]));
}
