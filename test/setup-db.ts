// Each database test file runs on a database of its own: a copy of the run's migrated template
// (0.2 s, against about a second to replay the migrations), dropped when the file ends. Files can
// then run at once in several workers: none sees another's rows or cleans up after another.
// Charts for a sign-off and pages for a publication are drawn in this process (the app starts a Node
// process for each).
import { afterAll, beforeAll, inject, vi } from "vitest";
import { createDatabaseFromTemplate, dropDatabase } from "./own-database";
import { drawChartsInProcess } from "./charts-in-process";
import { drawPagesInProcess } from "./pages-in-process";

if (!process.env.DATABASE_URL) {
  throw new Error("DATABASE_URL is not set: run the tests through npm test (or npm run test:unit), which starts a test database");
}

type Global = { prisma?: { $disconnect(): Promise<void> } };
let own: string | undefined;

beforeAll(async () => {
  own = await createDatabaseFromTemplate(inject("templateDatabase"), "file");
  process.env.DATABASE_URL = own;
  drawChartsInProcess();
  drawPagesInProcess();
});

afterAll(async () => {
  await (globalThis as Global).prisma?.$disconnect();
  if (own) await dropDatabase(own);
  // The files of a worker share one process and its loaded modules (the project is not isolated: a
  // process per file cost more than the tests). What a file changed in the environment is undone, and
  // modules are loaded again for the next file, so none of them read another file's settings; lib/db
  // makes a new client for the next file's database, since this one is disconnected.
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.resetModules();
});
