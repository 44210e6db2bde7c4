// npm run bench:import-memory: what the largest XLSX the import allows costs the server. Loads the demo
// council into a throwaway database, starts `next start` from NEXT_DIST_DIR (default .next-bench; build it
// first), uploads a workbook at every cap at once (50,000 rows x 10 columns = 500,000 cells, about 55 MB of
// XML, under 5 MB zipped), and prints the server's resident memory (idle, peak during the upload, after ten
// more uploads), the upload's time, and the preview page's HTML size and time. Every request goes to
// 127.0.0.1. Run: node scripts/with-db.mjs --migrate --test-db tsx --conditions=react-server scripts/bench/import-memory.ts
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { zipBytes } from "@/test/import-files";
import { MAX_IMPORT_BYTES, MAX_IMPORT_CELLS } from "@/lib/import/limits";

const { freePort, ROOT, signIn } = (await import("./app-server.mjs" as string)) as {
  freePort: () => Promise<number>; ROOT: string; signIn: (origin: string, email: string) => Promise<string>;
};

const MONTH = "2019-08";
const COLUMNS = 10;
const ROWS = MAX_IMPORT_CELLS / COLUMNS - 1; // plus the header: every cell the cap allows

const log = (...a: unknown[]) => console.error("[import-memory]", ...a);
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const letter = (i: number) => String.fromCharCode(65 + i);

/** A workbook written as Excel would for a case-management extract: inline strings, one sheet. */
export function largestWorkbook(): Uint8Array {
  const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`;
  const header = ["indicator_code", "period", "value", "note", ...Array.from({ length: COLUMNS - 4 }, (_, i) => `description_${i + 1}`)];
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`];
  parts.push(`<row r="1">${header.map((h, c) => cell(`${letter(c)}1`, h)).join("")}</row>`);
  for (let r = 2; r <= ROWS + 1; r++) {
    const values = [`EXTRACT_${r % 997}`, MONTH, String((r * 37) % 10_000), `Recorded by team ${r % 13} on the case system, checked`,
      ...Array.from({ length: COLUMNS - 4 }, (_, i) => `Case group ${(r + i) % 101} in locality ${i}, allocated worker ${r % 29}, reviewed by manager`)];
    parts.push(`<row r="${r}">${values.map((v, c) => (c === 2 ? `<c r="${letter(c)}${r}"><v>${v}</v></c>` : cell(`${letter(c)}${r}`, v))).join("")}</row>`);
  }
  parts.push("</sheetData></worksheet>");
  const sheet = Buffer.from(parts.join(""));
  const text = (s: string) => new Uint8Array(Buffer.from(s));
  const bytes = zipBytes([
    { name: "[Content_Types].xml", data: text(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`) },
    { name: "_rels/.rels", data: text(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: "xl/workbook.xml", data: text(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Extract" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: "xl/_rels/workbook.xml.rels", data: text(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
    { name: "xl/worksheets/sheet1.xml", data: new Uint8Array(sheet) },
  ]);
  log(`workbook: ${(bytes.length / 1e6).toFixed(2)} MB zipped, ${(sheet.length / 1e6).toFixed(1)} MB of sheet XML, ${ROWS + 1} rows x ${COLUMNS} columns`);
  if (bytes.length > MAX_IMPORT_BYTES) throw new Error("the workbook is over the upload limit");
  return bytes;
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

async function main() {
  const databaseUrl = process.env.DATABASE_URL!;
  const dist = process.env.NEXT_DIST_DIR ?? ".next-bench";
  if (!fs.existsSync(path.join(ROOT, dist, "BUILD_ID"))) throw new Error(`no build in ${dist}: run NEXT_DIST_DIR=${dist} next build first`);
  log("loading the demo council");
  execFileSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "prisma/seed/demo.ts"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"], env: process.env });
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT, stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", NEXT_DIST_DIR: dist, NEXTAUTH_SECRET: "bench-secret-not-for-production-0123456789abcdef", NEXTAUTH_URL: origin, PORT: String(port), PDF_RENDER_ORIGIN: origin },
  });
  try {
    for (let i = 0; ; i++) {
      try { if ((await fetch(`${origin}/api/health`)).ok) break; } catch { /* not up yet */ }
      if (i > 240) throw new Error("next start did not come up");
      await new Promise((r) => setTimeout(r, 500));
    }
    // Built first: the seconds it takes would outlast a pooled connection's keep-alive.
    const workbook = largestWorkbook();
    const cookie = await signIn(origin, "admin@northbridge.example");
    const upload = async (file = workbook, name = "extract.xlsx") => {
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(file)]), name);
      // The whole body as bytes with its length, so the server never answers while the client still sends.
      const request = new Request(`${origin}/api/periods/${MONTH}/imports`, { method: "POST", body: form });
      const body = new Uint8Array(await request.arrayBuffer());
      const res = await fetch(request.url, { method: "POST", body, headers: { cookie, accept: "application/json", origin, "content-type": request.headers.get("content-type")! } });
      const text = await res.text();
      const answer = (res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : { ok: false, message: text.slice(0, 300) }) as { ok: boolean; url?: string; message?: string };
      if (!answer.ok) throw new Error(`upload refused (${res.status}): ${answer.message}`);
      return answer.url!;
    };
    // Warm up every route the measurement uses with a small file, so compiling and first-load costs are not counted.
    await (await fetch(`${origin}/periods/${MONTH}/import`, { headers: { cookie } })).text();
    const small = await upload(new Uint8Array(Buffer.from(`indicator_code,value\nCONTACTS,1\n`)), "small.csv");
    await (await fetch(`${origin}${small}`, { headers: { cookie } })).text();
    const pid = child.pid!;
    global.gc?.();
    await new Promise((r) => setTimeout(r, 2000));
    const idle = rssMb(pid);
    let peak = idle;
    const timer = setInterval(() => { peak = Math.max(peak, rssMb(pid)); }, 20);
    const t0 = performance.now();
    const url = await upload();
    const uploadMs = performance.now() - t0;
    const t1 = performance.now();
    const page = await fetch(`${origin}${url}`, { headers: { cookie } });
    const html = await page.text();
    const pageMs = performance.now() - t1;
    clearInterval(timer);
    const afterOne = rssMb(pid);
    for (let i = 0; i < 10; i++) await upload();
    await new Promise((r) => setTimeout(r, 3000));
    const afterTen = rssMb(pid);
    const result = {
      dist, idleMb: Math.round(idle), peakMb: Math.round(peak), peakAboveIdleMb: Math.round(peak - idle), uploadSeconds: +(uploadMs / 1000).toFixed(2),
      previewStatus: page.status, previewHtmlBytes: Buffer.byteLength(html), previewSeconds: +(pageMs / 1000).toFixed(2),
      rssAfterOneMb: Math.round(afterOne), rssAfterElevenMb: Math.round(afterTen),
    };
    console.log(JSON.stringify(result));
  } finally {
    child.kill("SIGTERM");
  }
}

await main();
process.exit(0);
