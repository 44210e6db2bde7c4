// Browser tests against a production build: each worker with an app server and a copy of the demo
// council of its own (e2e/worker-servers.ts), started by the global setup on the test database's server
// that scripts/test.mjs made fresh. E2E_WORKERS sets how many (two: this machine has two cores).
import fs from "node:fs";
import { defineConfig } from "@playwright/test";
import { workerPort } from "./e2e/worker-servers";

// Loaded again in each worker process, where this is the worker's own server.
const baseURL = `http://localhost:${workerPort()}`;
// The tests' own browser: Chromium's headless shell where Debian's package is installed (the same engine
// without the desktop browser's compositor and services: a fifth less time for the same tests), else
// CHROMIUM_PATH's Chromium. The app's PDFs are printed by CHROMIUM_PATH's Chromium either way.
const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
const testBrowser =
  process.env.E2E_CHROMIUM_PATH ?? (fs.existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : (process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"));

export default defineConfig({
  testDir: "e2e",
  forbidOnly: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL,
    // A trace of each test, kept when it fails: its steps and DOM snapshots, without the screencast,
    // which cost a sixth of the suite's time for pictures the failure's screenshot already gives.
    trace: { mode: "retain-on-failure", screenshots: false },
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: testBrowser,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  // The demo journey (draft -> review -> sign-off -> publish -> amend) changes August 2019 for good,
  // so it runs after every other spec, in one file (e2e/journey/journey.spec.ts) so on one worker.
  projects: [
    { name: "features", testIgnore: /journey\//, use: { browserName: "chromium" } },
    { name: "journey", testMatch: /journey\/journey\.spec\.ts/, dependencies: ["features"], use: { browserName: "chromium" } },
  ],
});
