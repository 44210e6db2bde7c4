// The stored pack page's key (findStoredPackTarget): everything the page shows around the frozen
// snapshot is in it, so a change to any of it renders the page again instead of serving a stale copy;
// and staff whose amendment log holds an unpublished version always get the live page. Through the
// real database. (Gaps found by npm run test:mutation.)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { findStoredPackTarget } from "@/lib/pack/delivery/stored-pack-page";
import { contentHash } from "@/lib/pack/snapshot/content-hash";
import { sampleSnapshot } from "@/test/pack-fixtures";
import { createPack } from "@/test/pack-fixtures-db";
import { createTestUser, uniqueMonth } from "@/test/factories";

// A production build is what stores pages: its BUILD_ID, in a directory of this file's own.
const dist = fs.mkdtempSync(path.join(os.tmpdir(), "stored-pack-key-"));
beforeAll(() => {
  fs.writeFileSync(path.join(dist, "BUILD_ID"), "test-build-key");
  vi.stubEnv("NODE_ENV", "production");
  vi.stubEnv("NEXT_DIST_DIR", path.relative(process.cwd(), dist));
});
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dist, { recursive: true, force: true });
});

type Reader = Parameters<typeof findStoredPackTarget>[0];
async function keyOf(user: Reader, month: string, version?: number) {
  const target = await findStoredPackTarget(user, month, version);
  if (target.kind !== "stored") throw new Error(`expected a stored target, got ${target.kind}`);
  return target.key;
}

/** Publishes version n of the month's pack, superseding the one before, as publication does. */
async function publishNext(periodId: string, month: string, n: number) {
  const snapshot = sampleSnapshot(month, n);
  const row = await db.packVersion.create({
    data: {
      periodId,
      version: n,
      snapshot,
      contentHash: contentHash(snapshot),
      signedOffByName: "Dana Director",
      signedOffByRole: "DIRECTOR",
      amendmentReason: "A late correction",
      publishedAt: new Date(),
    },
  });
  await db.packVersion.updateMany({ where: { periodId, version: n - 1 }, data: { supersededById: row.id } });
}

describe("the stored pack page's key", () => {
  it("changes for an earlier version once a newer one is published: its banner and amendment log change", async () => {
    const month = uniqueMonth();
    const { period } = await createPack(month, [{ published: true }]);
    const panel = (await createTestUser("PANEL_MEMBER")).sessionUser;
    const before = await keyOf(panel, month, 1);
    expect(await keyOf(panel, month, 1)).toBe(before);
    await publishNext(period.id, month, 2);
    expect(await keyOf(panel, month, 1)).not.toBe(before);
    expect(await keyOf(panel, month)).not.toBe(before);
  });

  it("changes when the server gains or loses the means to make PDFs (the page offers the download or not)", async () => {
    const month = uniqueMonth();
    await createPack(month, [{ published: true }]);
    const panel = (await createTestUser("PANEL_MEMBER")).sessionUser;
    const chromium = path.join(dist, "chromium");
    fs.writeFileSync(chromium, "");
    vi.stubEnv("CHROMIUM_PATH", chromium);
    const withPdf = await keyOf(panel, month);
    vi.stubEnv("CHROMIUM_PATH", path.join(dist, "no-chromium-here"));
    const withoutPdf = await keyOf(panel, month);
    expect(withoutPdf).not.toBe(withPdf);
  });

  it("is not used for staff whose amendment log holds a version not yet published: they get the live page", async () => {
    const month = uniqueMonth();
    await createPack(month, [{ published: true }, { published: false }]);
    const director = (await createTestUser("DIRECTOR")).sessionUser;
    const panel = (await createTestUser("PANEL_MEMBER")).sessionUser;
    expect(await findStoredPackTarget(director, month, 1)).toEqual({ kind: "live" });
    expect(await findStoredPackTarget(director, month, undefined)).toEqual({ kind: "live" });
    // The panel sees the published version only, so its page can be stored.
    expect(await findStoredPackTarget(panel, month, undefined)).toMatchObject({ kind: "stored", version: 1 });
  });
});
