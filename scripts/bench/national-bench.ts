// The national import's speed: DfE's LAIT file of 164,900 rows (../shared/data/national when present,
// otherwise a file of the same shape and size made from the demo's subset), imported twice into a
// throwaway database: a first release (every row new) and the same release again (every row
// unchanged). Prints rows per second; the aim is the whole file in under 30 s on 2 cores.
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { db } from "@/lib/db";
import { importNationalData } from "@/lib/national/import-national-data";

const SHARED = path.resolve(process.cwd(), "..", "shared", "data", "national");
const DEMO = path.resolve(process.cwd(), "prisma", "seed", "data", "national");
const ROWS = 164_900;

function figuresFile(): { bytes: Uint8Array; source: string } {
  const real = path.join(SHARED, "lait-children-social-care.csv");
  if (fs.existsSync(real)) return { bytes: new Uint8Array(fs.readFileSync(real)), source: real };
  // The demo subset, repeated over earlier years until it has as many rows as DfE's file.
  const [header, ...lines] = fs.readFileSync(path.join(DEMO, "lait-children-social-care.csv"), "utf8").trim().split("\n");
  const out = [header];
  for (let shift = 0; out.length <= ROWS; shift += 20) {
    for (const line of lines) {
      if (out.length > ROWS) break;
      out.push(line.replace(/^([^,]+),(\d{4})/, (_, m, y) => `${m},${Number(y) - shift}`));
    }
  }
  return { bytes: new TextEncoder().encode(`${out.join("\n")}\n`), source: "made from the demo subset" };
}

const measuresFile = () => {
  const real = path.join(SHARED, "lait-measures.csv");
  return new Uint8Array(fs.readFileSync(fs.existsSync(real) ? real : path.join(DEMO, "lait-measures.csv")));
};

async function main() {
  const admin = await db.user.create({ data: { email: `bench-${Date.now()}@bench.example`, name: "Bench Administrator", role: "ADMIN" } });
  const actor = { id: admin.id, name: admin.name, email: admin.email, role: admin.role };
  const measures = await importNationalData(actor, { bytes: measuresFile(), fileName: "lait-measures.csv" });
  if (!measures.ok) throw new Error(measures.errors[0].message);
  const { bytes, source } = figuresFile();
  const runs: { label: string; ms: number; rows: number; created: number; unchanged: number }[] = [];
  for (const label of ["first release (all new)", "same release again (all unchanged)"]) {
    let last = 0;
    const start = performance.now();
    const result = await importNationalData(actor, { bytes, fileName: "lait-children-social-care.csv" }, (done, total) => {
      const pct = Math.floor((done / total) * 10);
      if (pct > last) {
        last = pct;
        process.stderr.write(`  ${label}: ${done.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")} rows\n`);
      }
    });
    const ms = performance.now() - start;
    if (!result.ok) throw new Error(result.errors[0].message);
    runs.push({ label, ms, rows: result.rows, created: result.created, unchanged: result.unchanged });
  }
  console.log(`National import (${source}, ${os.cpus().length} cores):`);
  for (const r of runs) {
    console.log(
      `National import, ${r.label}: ${r.rows.toLocaleString("en-GB")} rows in ${(r.ms / 1000).toFixed(1)} s = ${Math.round(r.rows / (r.ms / 1000)).toLocaleString("en-GB")} rows/s (created ${r.created.toLocaleString("en-GB")}, unchanged ${r.unchanged.toLocaleString("en-GB")})`,
    );
  }
  const worst = Math.max(...runs.map((r) => r.ms));
  console.log(
    `National import aim (164,900 rows in under 30 s): ${worst < 30_000 ? "MET" : "NOT MET"} (slowest run ${(worst / 1000).toFixed(1)} s)`,
  );
  await db.$disconnect();
}

await main();
