// The content epoch and what is cached by it, on a real database with the real LISTEN connection:
// every table a pack shows tells the servers when a change commits (and not when it rolls back), a
// preview is rendered once until something it shows changes, and nothing is served from memory while
// the listener is down. Orderings are forced by waiting for the notification itself, never by sleeping.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { onInvalidate, startInvalidationListener, stopInvalidationListener } from "@/lib/cache/invalidation";
import { CONTENT_TABLES } from "@/lib/pack/delivery/content-tables";
import { chooseVersion, loadMonthState } from "@/lib/pack/delivery/find-pack";
import { cachedMonthState, contentEpoch } from "@/lib/pack/delivery/pack-caches";
import { previewPage } from "@/lib/pack/delivery/preview-page";
import { setPageRenderer } from "@/lib/pack/render/render-pages";
import { renderPackPageHtml } from "@/lib/pack/render/pack-page-html";
import { packStylesheetHref } from "@/lib/pack/render/pack-css";
import { createPeriod, createSection, createTestUser, uniqueMonth } from "@/test/factories";
import { drawPagesInProcess } from "@/test/pages-in-process";
import { listenOrFail } from "@/test/cache-listener";

/**
 * Returns once this process has heard every notification of every commit before the call: PostgreSQL
 * delivers them in commit order, so hearing one sent now means all earlier ones have arrived.
 */
async function heardEverythingSoFar(): Promise<void> {
  const id = randomUUID();
  const heard = new Promise<void>((resolve) => {
    const stop = onInvalidate("test", (got) => {
      if (got !== id) return;
      stop();
      resolve();
    });
  });
  await db.$executeRawUnsafe(`NOTIFY scrutiny_cache, 'test:${id}'`);
  await heard;
}

beforeAll(listenOrFail);
afterAll(() => stopInvalidationListener());
afterEach(() => drawPagesInProcess());

/** Renders in this process, counting each render. */
function countRenders(): { count: number } {
  const rendered = { count: 0 };
  setPageRenderer((jobs) => {
    rendered.count++;
    const css = packStylesheetHref();
    return Promise.resolve(jobs.map((j) => j.audiences.map((a) => renderPackPageHtml(j.model, a, css))));
  });
  return rendered;
}

describe("content notifications", () => {
  it("come from exactly the tables in CONTENT_TABLES", async () => {
    const rows = await db.$queryRaw<{ table: string }[]>`
      select c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where t.tgname = 'scrutiny_notify_content' and not t.tgisinternal order by 1`;
    expect(rows.map((r) => r.table).sort()).toEqual([...CONTENT_TABLES].sort());
  });

  it("are sent by a change to each of those tables when it commits, and never for a rollback", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const heard: string[] = [];
    await client.query("LISTEN scrutiny_cache");
    client.on("notification", (n) => void heard.push(n.payload ?? ""));
    try {
      for (const table of CONTENT_TABLES) {
        // A statement that changes no row still runs the statement trigger: the walk needs no test rows.
        await client.query("BEGIN");
        await client.query(`DELETE FROM "${table}" WHERE false`);
        await client.query("ROLLBACK");
        await client.query("BEGIN");
        await client.query(`DELETE FROM "${table}" WHERE false`);
        await client.query("COMMIT");
      }
      // A round trip after the last commit: every notification sent before it has arrived.
      await client.query("SELECT 1");
      expect(heard).toEqual(CONTENT_TABLES.map((t) => `content:${t}`));
    } finally {
      await client.end();
    }
  });
});

describe("the live preview", () => {
  it("is rendered once, then again only after something it shows changes", async () => {
    const month = uniqueMonth();
    await createPeriod({ month });
    const director = (await createTestUser("DIRECTOR")).sessionUser;
    const rendered = countRenders();
    const choose = async () => chooseVersion(director, await cachedMonthState(month), { preview: true });
    await heardEverythingSoFar();
    const first = await previewPage(await choose(), "DIRECTOR");
    const second = await previewPage(await choose(), "DIRECTOR");
    expect(rendered.count).toBe(1);
    expect(second.etag.identity).toBe(first.etag.identity);
    expect(first.body.identity.toString()).toContain("Draft: not signed off");

    // A section added (as the administrator would): the preview must show it once that commits.
    const section = await createSection();
    await heardEverythingSoFar();
    const third = await previewPage(await choose(), "DIRECTOR");
    expect(rendered.count).toBe(2);
    expect(third.body.identity.toString()).toContain(section.name);
  });

  it("is not kept while the listener is down: a change then would go unheard", async () => {
    const month = uniqueMonth();
    await createPeriod({ month });
    const director = (await createTestUser("DIRECTOR")).sessionUser;
    const rendered = countRenders();
    await stopInvalidationListener();
    try {
      expect(contentEpoch()).toBeNull();
      const choice = chooseVersion(director, await loadMonthState(month), { preview: true });
      await previewPage(choice, "DIRECTOR");
      await previewPage(choice, "DIRECTOR");
      expect(rendered.count).toBe(2);
    } finally {
      expect((await startInvalidationListener()).listening).toBe(true);
    }
  });
});

describe("which versions a month has", () => {
  it("are read once, and again after a change commits", async () => {
    const month = uniqueMonth();
    const period = await createPeriod({ month });
    await heardEverythingSoFar();
    const first = await cachedMonthState(month);
    expect(await cachedMonthState(month)).toBe(first);
    await db.period.update({ where: { id: period.id }, data: { amendmentReason: "changed" } });
    await heardEverythingSoFar();
    const after = await cachedMonthState(month);
    expect(after).not.toBe(first);
    expect(after?.amendmentReason).toBe("changed");
  });
});
