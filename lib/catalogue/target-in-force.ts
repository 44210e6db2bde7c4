// Which target and tolerance apply to a month: the row with the latest fromMonth on or before it.
// A change from a later month therefore never re-judges earlier months.
export type TargetRow = { fromMonth: string; target: number | null; tolerance: number | null };

export function targetInForce(rows: readonly TargetRow[], month: string): TargetRow | null {
  let best: TargetRow | null = null;
  for (const row of rows) if (row.fromMonth <= month && (!best || row.fromMonth > best.fromMonth)) best = row;
  return best;
}
