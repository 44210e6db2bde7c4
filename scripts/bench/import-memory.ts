// npm run bench:import-memory: what the largest XLSX the import allows costs the server. Loads the demo
// council into a throwaway database, starts `next start` from NEXT_DIST_DIR (default .next-bench; build it
// first), uploads a workbook at every cap at once (50,000 rows x 10 columns = 500,000 cells, about 55 MB of
// XML, under 5 MB zipped), and prints the server's resident memory (idle, peak during the upload and
// during its preview page, after ten more uploads, and while four are uploaded at once), the upload's
// time, and the preview page's HTML size and time. Every request goes to
// 127.0.0.1. Run: node scripts/with-db.mjs --migrate --test-db tsx --conditions=react-server scripts/bench/import-memory.ts
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { largestWorkbook, MONTH } from "./largest-workbook";

const { freePort, ROOT, signIn } = await import("./app-server.mjs");
const log = (...a: unknown[]) => console.error("[import-memory]", ...a);
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

async function main() {
  const databaseUrl = process.env.DATABASE_URL!;
  const dist = process.env.NEXT_DIST_DIR ?? ".next-bench";
  if (!fs.existsSync(path.join(ROOT, dist, "BUILD_ID"))) throw new Error(`no build in ${dist}: run NEXT_DIST_DIR=${dist} next build first`);
  log("loading the demo council");
  execFileSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "prisma/seed/demo.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: process.env,
  });
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NODE_ENV: "production",
        NEXT_DIST_DIR: dist,
        NEXTAUTH_SECRET: "bench-secret-not-for-production-0123456789abcdef",
        NEXTAUTH_URL: origin,
        PORT: String(port),
      },
    },
  );
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${origin}/api/health`)).ok) break;
      } catch {
        /* not up yet */
      }
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
      const res = await fetch(request.url, {
        method: "POST",
        body,
        headers: { cookie, accept: "application/json", origin, "content-type": request.headers.get("content-type")! },
      });
      const text = await res.text();
      const answer = (
        res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : { ok: false, message: text.slice(0, 300) }
      ) as { ok: boolean; url?: string; message?: string };
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
    const timer = setInterval(() => {
      peak = Math.max(peak, rssMb(pid));
    }, 20);
    const t0 = performance.now();
    const url = await upload();
    const uploadMs = performance.now() - t0;
    const peakUpload = peak;
    const t1 = performance.now();
    const page = await fetch(`${origin}${url}`, { headers: { cookie } });
    const html = await page.text();
    const pageMs = performance.now() - t1;
    clearInterval(timer);
    const afterOne = rssMb(pid);
    for (let i = 0; i < 10; i++) await upload();
    await new Promise((r) => setTimeout(r, 3000));
    const afterTen = rssMb(pid);
    // Four administrators uploading the largest file at the same moment.
    let peakFour = afterTen;
    const fourTimer = setInterval(() => {
      peakFour = Math.max(peakFour, rssMb(pid));
    }, 20);
    const t2 = performance.now();
    const fourSeconds = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const start = performance.now();
        await upload();
        return +((performance.now() - start) / 1000).toFixed(2);
      }),
    );
    const fourMs = performance.now() - t2;
    clearInterval(fourTimer);
    const result = {
      dist,
      idleMb: Math.round(idle),
      peakMb: Math.round(peak),
      peakAboveIdleMb: Math.round(peak - idle),
      uploadPeakAboveIdleMb: Math.round(peakUpload - idle),
      uploadSeconds: +(uploadMs / 1000).toFixed(2),
      previewStatus: page.status,
      previewHtmlBytes: Buffer.byteLength(html),
      previewSeconds: +(pageMs / 1000).toFixed(2),
      rssAfterOneMb: Math.round(afterOne),
      rssAfterElevenMb: Math.round(afterTen),
      fourAtOnce: {
        peakMb: Math.round(peakFour),
        peakAboveIdleMb: Math.round(peakFour - idle),
        eachSeconds: fourSeconds,
        allSeconds: +(fourMs / 1000).toFixed(2),
      },
    };
    console.log(JSON.stringify(result));
  } finally {
    child.kill("SIGTERM");
  }
}

await main();
process.exit(0);
