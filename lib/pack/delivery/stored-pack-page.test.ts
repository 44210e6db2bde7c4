// The published pack page from stored HTML: one stored body per version and key, and each role's
// header put into it. Every role of a published version gets the same key (the page around the
// snapshot is the same for them), so only the audience keeps one role's page from another's reader.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { NAV_SLOT, USER_SLOT } from "@/lib/pack/delivery/stored-html";
import { findStoredPackTarget, getEncodedPackPage } from "@/lib/pack/delivery/stored-pack-page";
import type { SessionUser } from "@/lib/auth/roles";
import { createPack } from "@/test/pack-fixtures-db";
import { createTestUser, uniqueMonth } from "@/test/factories";

// A production build is what stores pages: its BUILD_ID, in a directory of this file's own.
const dist = fs.mkdtempSync(path.join(os.tmpdir(), "stored-pack-page-"));
beforeAll(() => {
  fs.writeFileSync(path.join(dist, "BUILD_ID"), "test-build-1");
  vi.stubEnv("NODE_ENV", "production");
  vi.stubEnv("NEXT_DIST_DIR", path.relative(process.cwd(), dist));
});
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dist, { recursive: true, force: true });
});

/** What the page renders in stored mode: the title, and the two slots each reader's header goes into. */
const renderedPage = (month: string) =>
  `<html><head><script src="/_next/static/chunks/x.js"></script></head>` +
  `<body><header>${NAV_SLOT}${USER_SLOT}</header><h1 id="pack-title">Pack for ${month}</h1></body></html>`;

const text = (page: { body: { identity: Buffer } }) => page.body.identity.toString("utf8");

async function storedTarget(user: SessionUser, month: string) {
  const target = await findStoredPackTarget(user, month, undefined);
  if (target.kind !== "stored") throw new Error(`expected a stored target for ${user.role}, got ${target.kind}`);
  return target;
}

describe("the stored pack page", () => {
  it("serves a panel member the panel's page, never the director's, from one stored body", async () => {
    const month = uniqueMonth();
    const { ids } = await createPack(month, [{ published: true }]);
    const director = (await createTestUser("DIRECTOR")).sessionUser;
    const panel = (await createTestUser("PANEL_MEMBER")).sessionUser;
    const forDirector = await storedTarget(director, month);
    const forPanel = await storedTarget(panel, month);
    // The same version and key: the audience is all that tells the two pages apart.
    expect(forPanel).toEqual(forDirector);
    expect(forDirector.packVersionId).toBe(ids[0]);

    let renders = 0;
    const render = () => {
      renders++;
      return Promise.resolve(renderedPage(month));
    };
    const directorPage = text(await getEncodedPackPage(forDirector, "DIRECTOR", render));
    expect(directorPage).toContain("Signed in as a director");
    expect(directorPage).toContain('href="/periods">Periods</a>');

    const panelPage = text(await getEncodedPackPage(forPanel, "PANEL_MEMBER", render));
    expect(panelPage).toContain("Signed in as a scrutiny panel member");
    expect(panelPage).not.toContain("Signed in as a director");
    expect(panelPage).not.toContain('href="/periods"');
    expect(panelPage).toContain(`Pack for ${month}`);
    expect(panelPage).not.toContain("<script");

    // Signed out (PUBLIC_PACKS): no header at all.
    const publicPage = text(await getEncodedPackPage(forPanel, "PUBLIC", render));
    expect(publicPage).not.toContain("Signed in as");
    expect(publicPage).not.toContain("data-app-slot");

    // Asked again, each role gets its own page back; the body was rendered once and stored for all.
    expect(text(await getEncodedPackPage(forPanel, "PANEL_MEMBER", render))).toBe(panelPage);
    expect(text(await getEncodedPackPage(forDirector, "DIRECTOR", render))).toBe(directorPage);
    expect(renders).toBe(1);
    expect((await db.packVersion.findUniqueOrThrow({ where: { id: ids[0] } })).renderedHtml).toContain(`Pack for ${month}`);
  });

  it("makes each role's page even when they ask at the same moment", async () => {
    const month = uniqueMonth();
    await createPack(month, [{ published: true }]);
    const target = await storedTarget((await createTestUser("DIRECTOR")).sessionUser, month);
    const render = () => Promise.resolve(renderedPage(month));
    const roles = ["DIRECTOR", "PANEL_MEMBER", "ADMIN"] as const;
    const [director, panel, admin] = await Promise.all(roles.map((role) => getEncodedPackPage(target, role, render)));
    expect(text(director)).toContain("Signed in as a director");
    expect(text(panel)).toContain("Signed in as a scrutiny panel member");
    expect(text(admin)).toContain("Signed in as an administrator");
  });
});
