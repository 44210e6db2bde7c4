// npm run lighthouse: Lighthouse (mobile preset, median of three runs) on the demo council in a throwaway
// database: sign-in, the director's home, the period page, a section's commentary page and the published
// pack, plus the packs list as the page without charts. Prints performance and accessibility scores and
// whether the aims are met (performance >= 0.95, accessibility 1.0, charts within 0.02 of no charts).
import fs from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { startDatabase } from "../db-runtime.mjs";
import { deployMigrations } from "../migrate-deploy.mjs";
import { ROOT, bin, buildIfNeeded, log, run, signIn, startApp } from "../bench/app-server.mjs";

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

buildIfNeeded();
const db = await startDatabase({ test: true });
let app, chrome;
try {
  await deployMigrations(db.url);
  log("loading the demo council");
  await run(bin("tsx"), ["--conditions=react-server", "prisma/seed/demo.ts", "--reset"], { DATABASE_URL: db.url });
  app = await startApp(db.url);
  const director = await signIn(app.origin, "director@northbridge.example");
  const panel = await signIn(app.origin, "panel@northbridge.example");
  const pages = [
    ["Sign in", "/login", ""],
    ["Director's home", "/", director],
    ["Period page (Aug 2019)", "/periods/2019-08", director],
    ["Section commentary (Demand, Aug 2019)", "/periods/2019-08/sections/demand", director],
    ["Published pack (Jul 2019)", "/packs/2019-07", panel],
    ["Packs list (no charts)", "/packs", panel],
  ];
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const rows = [];
  for (const [name, pagePath, cookie] of pages) {
    const perf = [],
      a11y = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(`${app.origin}${pagePath}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
        extraHeaders: cookie ? { Cookie: cookie } : undefined,
      });
      const { finalDisplayedUrl, categories } = result.lhr;
      if (new URL(finalDisplayedUrl).pathname !== pagePath) throw new Error(`${pagePath} ended at ${finalDisplayedUrl}`);
      perf.push(categories.performance.score);
      a11y.push(categories.accessibility.score);
    }
    rows.push({ name, pagePath, perf: median(perf), a11y: median(a11y) });
    log(name, median(perf), median(a11y));
  }
  const noCharts = rows.find((r) => r.pagePath === "/packs").perf;
  const pack = rows.find((r) => r.pagePath === "/packs/2019-07").perf;
  const lines = [
    `Lighthouse 12.8.2, mobile preset, median of ${RUNS}, ${new Date().toISOString().slice(0, 10)}, ${(await import("node:os")).cpus().length} cores, \`npm run lighthouse\``,
    "",
    "| Page | Performance | Accessibility | Aims (perf >= 0.95, a11y 1.0) |",
    "| --- | ---: | ---: | --- |",
    ...rows.map(
      (r) =>
        `| ${r.name} (${r.pagePath}) | ${r.perf.toFixed(2)} | ${r.a11y.toFixed(2)} | ${r.perf >= 0.95 && r.a11y === 1 ? "met" : "NOT met"} |`,
    ),
    "",
    `Pack with charts vs page without charts: ${pack.toFixed(2)} vs ${noCharts.toFixed(2)}: ${noCharts - pack <= 0.02 ? "within 0.02 (met)" : "more than 0.02 apart (NOT met)"}.`,
  ];
  const report = lines.join("\n");
  console.log(report);
  fs.mkdirSync(path.join(ROOT, "bench-results"), { recursive: true });
  fs.writeFileSync(path.join(ROOT, "bench-results", "lighthouse.md"), `${report}\n`);
} finally {
  chrome?.kill();
  app?.stop();
  await db.stop();
}
