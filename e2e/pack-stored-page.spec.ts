// The published pack page is served from bytes rendered once, at publication (StoredPackPage), as a
// static file would be: no JavaScript, the same bytes for every reader of a role (their role's
// navigation, no name), precompressed (br, gzip) with a strong ETag and 304, and a sign-out that works
// without scripts. The director's preview is the same document, kept until something in it changes.
import http from "node:http";
import zlib from "node:zlib";
import { expect, test, type BrowserContext } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, expectAccessible, signInAs } from "./fixtures";
import { argon2id } from "./argon";
import { one, query } from "./db";

const MONTH = "2019-07";

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** The response exactly as sent (Playwright's request API decodes bodies; this does not). */
function raw(baseURL: string, path: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(path, baseURL), { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

const cookieHeader = async (context: BrowserContext) => (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

test.describe.serial("the stored published pack page", () => {
  test("was rendered at publication, sends no script, and names the reader's role, not the reader", async ({ page }) => {
    await page.context().clearCookies();
    await signInAs(page, ACCOUNTS.panel);
    const storedPage = () =>
      one<{ gzip: Buffer; createdAt: Date }>(
        `select s.gzip, s."createdAt" from "StoredPackPage" s join "PackVersion" v on v.id = s."packVersionId"
         join "Period" p on p.id = v."periodId" where p.month = $1 and v.version = 1 and s.audience = 'PANEL_MEMBER'`,
        [MONTH],
      );
    // Stored when the demo's packs were published, before anyone asked for it.
    const before = await storedPage();
    const first = await page.request.get(`/packs/${MONTH}`);
    expect(first.status()).toBe(200);
    expect(first.headers()["cache-control"]).toBe("private, no-store");
    expect(first.headers()["content-security-policy"]).toContain("script-src 'none';");
    const html = await first.text();
    expect(html).toContain('id="pack-title"');
    expect(html).not.toMatch(/<script/i);
    // Served as stored, and not rendered again by the request.
    const after = await storedPage();
    expect(html).toBe(zlib.gunzipSync(before.gzip).toString("utf8"));
    expect(after.createdAt.getTime()).toBe(before.createdAt.getTime());

    // The header names the role, not the reader: the reader's name is never in the shared bytes'
    // header (the pack itself may name them, as the asker of an answered question).
    const original = await one<{ name: string }>(`select name from "User" where email = $1`, [ACCOUNTS.panel]);
    const header = html.slice(0, html.indexOf("<main"));
    expect(header).toContain("Signed in as a scrutiny panel member");
    expect(header).not.toContain(original.name);
    await page.goto(`/packs/${MONTH}`);
    await expect(page.locator(".app-header-user")).toContainText("Signed in as a scrutiny panel member");
    await expect(page.getByRole("link", { name: "Packs" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("use your browser's print command")).toBeVisible();
    await expectAccessible(page);
  });

  test("every panel member gets the same bytes, br and gzip decode to them, and a repeat visit is a 304", async ({ browser, baseURL }) => {
    const email = `second.reader.${Date.now()}@stored.example`;
    await query(
      `insert into "User" (id, email, name, role, "passwordHash", "updatedAt") values (gen_random_uuid(), $1, 'Sam Second-Reader', 'PANEL_MEMBER', $2, now())`,
      [email, await argon2id(DEMO_PASSWORD)],
    );
    const [a, b] = [await browser.newContext(), await browser.newContext()];
    await signInAs(await a.newPage(), ACCOUNTS.panel);
    await signInAs(await b.newPage(), email);
    const [cookieA, cookieB] = [await cookieHeader(a), await cookieHeader(b)];
    const get = (cookie: string, headers: Record<string, string> = {}, path = `/packs/${MONTH}`) =>
      raw(baseURL!, path, { cookie, ...headers });

    const plain = await get(cookieA);
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(Number(plain.headers["content-length"])).toBe(plain.body.length);
    const page = plain.body.toString("utf8");
    expect(page).toContain('id="pack-title"');
    expect(page).not.toContain("Sam Second-Reader");
    expect((await get(cookieA)).body.equals(plain.body)).toBe(true);
    expect((await get(cookieB)).body.equals(plain.body)).toBe(true);

    const br = await get(cookieB, { "accept-encoding": "gzip, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 5);
    const gz = await get(cookieA, { "accept-encoding": "gzip, deflate" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gz.body).equals(plain.body)).toBe(true);

    // One strong ETag per representation, the same for both readers; Vary and a private cache.
    const tags = [plain, br, gz].map((r) => r.headers.etag);
    for (const tag of tags) expect(tag).toMatch(/^"[^"]+"$/);
    expect(new Set(tags).size).toBe(3);
    expect((await get(cookieA, { "accept-encoding": "gzip, br" })).headers.etag).toBe(br.headers.etag);
    for (const r of [plain, br, gz]) {
      expect(r.headers.vary).toContain("Accept-Encoding");
      expect(r.headers["cache-control"]).toBe("private, no-store");
    }

    const again = await get(cookieA, { "accept-encoding": "gzip, br", "if-none-match": br.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(br.headers.etag);
    expect((await get(cookieA, { "if-none-match": plain.headers.etag! })).status).toBe(304);
    expect((await get(cookieA, { "if-none-match": '"something-else"' })).status).toBe(200);

    // Unknown query strings and a client-router request are the same stored bytes.
    for (const [path, headers] of [
      [`/packs/${MONTH}?utm_source=email`, {}],
      [`/packs/${MONTH}?_rsc=x1`, { RSC: "1" }],
      [`/packs/${MONTH}?version=1&x=%3Cb%3E`, {}],
    ] as const) {
      const r = await get(cookieA, headers, path);
      expect(r.status, path).toBe(200);
      expect(r.body.equals(plain.body), path).toBe(true);
      expect(r.headers.etag, path).toBe(plain.headers.etag);
    }
    await a.close();
    await b.close();
  });

  test("a signed-out reader, or one whose session has ended, is refused", async ({ browser, baseURL }) => {
    const anonymous = await raw(baseURL!, `/packs/${MONTH}`, { "accept-encoding": "gzip, br" });
    expect(anonymous.status).toBe(307);
    expect(anonymous.headers.location).toContain("/login?callbackUrl=");
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, ACCOUNTS.panel);
    const cookie = await cookieHeader(context);
    const before = await raw(baseURL!, `/packs/${MONTH}`, { cookie, "accept-encoding": "gzip, br" });
    expect(before.status).toBe(200);
    // Sign out ends the session on the server: the same cookie, replayed, gets no page (and no 304).
    expect((await page.request.post("/logout", { maxRedirects: 0 })).status()).toBeLessThan(400);
    for (const headers of [{}, { "if-none-match": before.headers.etag! }] as Record<string, string>[]) {
      const after = await raw(baseURL!, `/packs/${MONTH}`, { cookie, "accept-encoding": "gzip, br", ...headers });
      expect(after.status).not.toBe(200);
      expect(after.status).not.toBe(304);
      expect(after.body.toString("latin1")).not.toContain("pack-title");
    }
    await context.close();
  });

  test("the director's draft preview is the same document, without script, kept until something in it changes", async ({
    page,
    baseURL,
  }) => {
    await page.context().clearCookies();
    await signInAs(page, ACCOUNTS.director);
    const cookie = await cookieHeader(page.context());
    const preview = () => raw(baseURL!, "/packs/2019-08?preview=1", { cookie });
    const first = await preview();
    expect(first.status).toBe(200);
    const html = first.body.toString("utf8");
    expect(html).toContain("Draft: not signed off");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("Signed in as a director");
    const second = await preview();
    expect(second.headers.etag).toBe(first.headers.etag);
    // A change to what the preview shows (a section's name) makes a new one.
    const section = await one<{ id: string; name: string }>(`select id, name from "Section" order by "order" limit 1`);
    await query(`update "Section" set name = $1 where id = $2`, [`${section.name} (renamed)`, section.id]);
    try {
      await expect.poll(async () => (await preview()).body.toString("utf8")).toContain(`${section.name} (renamed)`);
    } finally {
      await query(`update "Section" set name = $1 where id = $2`, [section.name, section.id]);
    }
    await page.goto("/packs/2019-08?preview=1");
    await expect(page.getByText("Draft: not signed off")).toBeVisible();
    await expectAccessible(page);
  });

  test("signing out from the stored page needs no JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, ACCOUNTS.panel).catch(async () => {
      // Signing in may need scripts; take the session from a scripted page instead.
      const scripted = await browser.newContext();
      const p = await scripted.newPage();
      await signInAs(p, ACCOUNTS.panel);
      await context.addCookies(await scripted.cookies());
      await scripted.close();
    });
    await page.goto(`/packs/${MONTH}`);
    await expect(page.locator("#pack-title")).toBeVisible();
    // The navigation works without scripts: on to the list of packs and back.
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Packs" }).click();
    await expect(page).toHaveURL(/\/packs$/);
    await page.goBack();
    await expect(page.locator("#pack-title")).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto(`/packs/${MONTH}`);
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await context.close();
  });
});
