// Loads one of DfE's published files: the measure list, figures (LAIT long or EES open data) or the
// statistical neighbours. All or nothing in one transaction; a newer release replaces figures by
// (measure, area, year), and one audit event summarises what was created, changed and left as it was.
// Set-based (unnest in chunks) so the 164,900-row LAIT file is a few dozen statements.
import "server-only";
import { db, forgetQueryArguments, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import {
  MAX_NATIONAL_BYTES,
  parseNationalFile,
  type CellError,
  type FigureRow,
  type MeasureRow,
  type NationalLayout,
  type NeighbourRow,
} from "@/lib/national/parse-national-file";

export type NationalImportResult =
  | { ok: true; layout: NationalLayout; rows: number; created: number; changed: number; unchanged: number }
  | { ok: false; errors: CellError[]; total: number };

const CHUNK = 20_000;

export async function importNationalData(
  actor: SessionUser | null,
  file: { bytes: Uint8Array; fileName: string },
  onProgress?: (done: number, total: number) => void,
): Promise<NationalImportResult> {
  assertCan(actor, "national.manage");
  if (file.bytes.byteLength > MAX_NATIONAL_BYTES) {
    return {
      ok: false,
      total: 1,
      errors: [
        {
          row: 1,
          column: "-",
          message: `The file is larger than ${MAX_NATIONAL_BYTES / 1024 / 1024} MB: import DfE's files one at a time as they are published`,
        },
      ],
    };
  }
  const known = new Set((await db.nationalMeasure.findMany({ select: { code: true } })).map((m) => m.code));
  const parsed = parseNationalFile(file.bytes, known);
  if (!parsed.ok) return parsed;

  return db
    .$transaction(
      async (tx) => {
        let counts: { created: number; changed: number };
        if (parsed.layout === "measures") counts = await writeMeasures(tx, parsed.rows);
        else if (parsed.layout === "neighbours") counts = await writeNeighbours(tx, parsed.rows);
        else counts = await writeFigures(tx, parsed.rows, onProgress);
        const rows = parsed.rows.length;
        const result = { ok: true as const, layout: parsed.layout, rows, ...counts, unchanged: rows - counts.created - counts.changed };
        await recordAudit(tx, actor, {
          action: "national.imported",
          entityType: "NationalData",
          entityId: parsed.layout,
          after: {
            fileName: file.fileName,
            layout: parsed.layout,
            rows,
            created: result.created,
            changed: result.changed,
            unchanged: result.unchanged,
          },
        });
        return result;
      },
      { maxWait: 10_000, timeout: 300_000 },
    )
    .finally(forgetQueryArguments); // the figures sent, held by Prisma's debug log (lib/db.ts)
}

async function writeFigures(tx: Tx, rows: FigureRow[], onProgress?: (done: number, total: number) => void) {
  let created = 0;
  let changed = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    // xmax = 0 on a returned row means it was inserted; an update that changes nothing is skipped by the WHERE.
    // xmax = 0 on a returned row means it was inserted; an update that changes nothing is skipped by
    // the WHERE. Counted in the database: one row comes back per chunk, not one per figure.
    const [counts] = await tx.$queryRaw<{ created: number; changed: number }[]>`
      WITH written AS (
        INSERT INTO "NationalFigure" ("measureCode", "areaCode", "areaName", year, value, symbol)
        SELECT * FROM unnest(${chunk.map((r) => r.measureCode)}::text[], ${chunk.map((r) => r.areaCode)}::text[], ${chunk.map((r) => r.areaName)}::text[],
                             ${chunk.map((r) => r.year)}::text[], ${chunk.map((r) => r.value)}::float8[], ${chunk.map((r) => r.symbol)}::text[])
        ON CONFLICT ("measureCode", "areaCode", year) DO UPDATE SET value = EXCLUDED.value, symbol = EXCLUDED.symbol, "areaName" = EXCLUDED."areaName"
          WHERE ("NationalFigure".value, "NationalFigure".symbol) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.symbol)
        RETURNING (xmax = 0) AS inserted
      )
      SELECT (count(*) FILTER (WHERE inserted))::int AS created, (count(*) FILTER (WHERE NOT inserted))::int AS changed FROM written`;
    created += counts.created;
    changed += counts.changed;
    onProgress?.(Math.min(rows.length, i + CHUNK), rows.length);
  }
  return { created, changed };
}

async function writeMeasures(tx: Tx, rows: MeasureRow[]) {
  const result = await tx.$queryRaw<{ inserted: boolean }[]>`
    INSERT INTO "NationalMeasure" (code, name, topic, polarity, unit, "unitLabel", "yearType", definition, source, "updatedAt")
    SELECT u.code, u.name, u.topic, u.polarity::"Polarity", u.unit::"Unit", u.unit_label, u.year_type, u.definition, u.source, now()
    FROM unnest(${rows.map((r) => r.code)}::text[], ${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.topic)}::text[], ${rows.map((r) => r.polarity)}::text[],
                ${rows.map((r) => r.unit)}::text[], ${rows.map((r) => r.unitLabel)}::text[], ${rows.map((r) => r.yearType)}::text[], ${rows.map((r) => r.definition)}::text[], ${rows.map((r) => r.source)}::text[])
      AS u(code, name, topic, polarity, unit, unit_label, year_type, definition, source)
    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, topic = EXCLUDED.topic, polarity = EXCLUDED.polarity, unit = EXCLUDED.unit, "unitLabel" = EXCLUDED."unitLabel",
      "yearType" = EXCLUDED."yearType", definition = EXCLUDED.definition, source = EXCLUDED.source, "updatedAt" = now()
      WHERE ("NationalMeasure".name, "NationalMeasure".polarity, "NationalMeasure".unit, "NationalMeasure"."unitLabel", "NationalMeasure"."yearType", "NationalMeasure".definition)
        IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.polarity, EXCLUDED.unit, EXCLUDED."unitLabel", EXCLUDED."yearType", EXCLUDED.definition)
    RETURNING (xmax = 0) AS inserted`;
  return { created: result.filter((r) => r.inserted).length, changed: result.filter((r) => !r.inserted).length };
}

/** A newer neighbours model replaces each listed authority's ten neighbours. */
async function writeNeighbours(tx: Tx, rows: NeighbourRow[]) {
  const before = await tx.statisticalNeighbour.findMany({ where: { laNumber: { in: [...new Set(rows.map((r) => r.laNumber))] } } });
  const old = new Map(before.map((n) => [`${n.laNumber}|${n.position}`, `${n.neighbourLaNumber}|${n.closeness}`]));
  let created = 0;
  let changed = 0;
  for (const r of rows) {
    const was = old.get(`${r.laNumber}|${r.position}`);
    if (was === undefined) created++;
    else if (was !== `${r.neighbourLaNumber}|${r.closeness}`) changed++;
  }
  await tx.statisticalNeighbour.deleteMany({ where: { laNumber: { in: [...new Set(rows.map((r) => r.laNumber))] } } });
  await tx.statisticalNeighbour.createMany({ data: rows });
  return { created, changed };
}
