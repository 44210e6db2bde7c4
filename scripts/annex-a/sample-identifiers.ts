// Prints the Child Unique IDs in the shared Annex A sample as a JSON array, for scripts/test.mjs to
// check that none reaches the server's log during the browser tests (the sample is synthetic).
import fs from "node:fs";
import path from "node:path";
import { readAnnexA } from "@/lib/annex-a/read-annex-a";

const file = path.resolve(import.meta.dirname, "../../prisma/seed/data/annex-a/sample-2020-03.xlsx");
const read = await readAnnexA(new Uint8Array(fs.readFileSync(file)));
if (!read.ok) throw new Error(`the sample could not be read: ${read.code}`);
const ids = new Set<string>();
for (const list of read.lists.values()) for (const r of list.rows) ids.add(r.child);
process.stdout.write(JSON.stringify([...ids]));
