// Odd and hostile requests over HTTP, each answered cleanly: the right 4xx or a field error, never a
// 500, a page served to a method it does not take, or a change recorded for nothing. Server actions
// are caught as the browser sends them and replayed with one thing changed.
import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signInAs } from "./fixtures";
import { one, query } from "./db";
import { workerPort } from "./worker-servers";

const MONTH = "2019-08";
// Commentary is written in a month of this spec's own, so the demo's August 2019 stays as the journey expects.
const COMMENTARY_MONTH = "2021-06";
const SECTION = `/periods/${COMMENTARY_MONTH}/sections/demand`;
const MARKER = "MARKER-hostile-http";
const port = workerPort();

/** A raw request (fetch refuses TRACE). */
function raw(
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "localhost", port, method, path, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

type Captured = { url: string; headers: Record<string, string>; body: string };

/** The first server action the page sends while `trigger` runs, stopped before it reaches the server. */
async function captureAction(page: Page, trigger: () => Promise<void>): Promise<Captured> {
  let captured: Captured | undefined;
  await page.route("**/*", async (route) => {
    const r = route.request();
    if (!captured && r.method() === "POST" && r.headers()["next-action"]) {
      captured = { url: r.url(), headers: r.headers(), body: r.postDataBuffer()?.toString("utf8") ?? "" };
      return route.abort();
    }
    return route.continue();
  });
  await trigger();
  await expect.poll(() => captured !== undefined).toBe(true);
  await page.unrouteAll({ behavior: "ignoreErrors" });
  return captured!;
}

function replay(page: Page, action: Captured, body: string | Buffer, extraHeaders: Record<string, string> = {}) {
  const { "content-length": _length, ...headers } = action.headers;
  const data = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  return page.request.post(action.url, { headers: { ...headers, ...extraHeaders }, data, maxRedirects: 0 });
}

const commentary = () =>
  one<{ id: string; version: number; body: string }>(
    `select c.id, c.version, c.body from "Commentary" c join "Section" s on s.id = c."sectionId" join "Period" p on p.id = c."periodId" where s.slug = 'demand' and p.month = $1`,
    [COMMENTARY_MONTH],
  );
const auditCount = (entityId: string) =>
  one<{ n: number }>(`select count(*)::int as n from "AuditEvent" where "entityId" = $1`, [entityId]).then((r) => r.n);

test.beforeAll(async () => {
  await query(`delete from "Period" where month = $1`, [COMMENTARY_MONTH]);
  await query(`insert into "Period" (id, month, "panelMeetingDate", "updatedAt") values (gen_random_uuid(), $1, '2021-07-22', now())`, [
    COMMENTARY_MONTH,
  ]);
});
test.afterAll(async () => {
  await query(`delete from "Period" where month = $1`, [COMMENTARY_MONTH]); // its commentary goes with it
});

/** The editor, freshly loaded (a caught action leaves the page it came from broken). */
async function openEditor(page: Page, signIn = true) {
  if (signIn) await signInAs(page, ACCOUNTS.leadDemand);
  await page.goto(SECTION);
  const box = page.getByLabel("Commentary text");
  await expect(box).toBeVisible();
  return box;
}

test.describe("methods", () => {
  test("TRACE anywhere, signed out, is 405", async () => {
    for (const path of ["/", "/login", "/api/health", "/packs/2019-07", "/periods"]) {
      const res = await raw("TRACE", path);
      expect(res.status, `TRACE ${path}`).toBe(405);
      expect(res.body).not.toContain("<html");
    }
  });

  test("pages answer PUT, DELETE and PATCH with 405, not the page", async ({ page }) => {
    for (const method of ["PUT", "DELETE", "PATCH"]) {
      const res = await page.request.fetch("/login/forgotten-password", { method, maxRedirects: 0 });
      expect(res.status(), `${method} /login/forgotten-password`).toBe(405);
      // A page without a form: POST is not among what it takes (the sign-in page's form posts to a server action).
      expect(res.headers().allow).toBe("GET, HEAD, OPTIONS");
      expect(await res.text()).not.toContain("Forgotten");
    }
    await signInAs(page, ACCOUNTS.admin);
    expect((await page.request.fetch(`/periods/${MONTH}`, { method: "DELETE", maxRedirects: 0 })).status()).toBe(405);
  });
});

test.describe("the import route", () => {
  test("an Origin header that is not an address is 400, on every upload route", async ({ page }) => {
    await signInAs(page, ACCOUNTS.admin);
    // The history and DfE routes answered these with a 500 (new URL threw) before they shared the upload check.
    for (const route of [`/api/periods/${MONTH}/imports`, `/api/periods/${MONTH}/annex-a`, "/api/history-imports", "/api/national-data"]) {
      const res = await page.request.post(route, {
        headers: { Accept: "application/json", Origin: "not a url" },
        multipart: { file: { name: "v.csv", mimeType: "text/csv", buffer: Buffer.from("indicator_code,value\nCONTACTS,1\n") } },
      });
      expect(res.status(), route).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, message: "The request's Origin header is not an address" });
      // The opaque origin browsers send from a sandboxed frame or after a cross-site redirect: never provably ours.
      const opaque = await page.request.post(route, {
        headers: { Accept: "application/json", Origin: "null" },
        multipart: { file: { name: "v.csv", mimeType: "text/csv", buffer: Buffer.from("indicator_code,value\nCONTACTS,1\n") } },
      });
      expect(opaque.status(), route).toBe(403);
    }
  });

  test("unconfirmed uploads older than a day are deleted when the next file arrives", async ({ page }) => {
    await signInAs(page, ACCOUNTS.admin);
    const admin = await one<{ id: string }>(`select id from "User" where email = $1`, [ACCOUNTS.admin]);
    const insert = (status: string, hours: number) =>
      one<{ id: string }>(
        `insert into "ImportBatch" (id, "periodId", "fileName", "fileSha256", "rowCount", "errorCount", rows, status, "createdById", "createdByName", "createdAt")
           select gen_random_uuid(), p.id, 'old.csv', 'x', 0, 0, '{}'::jsonb, $2::"ImportStatus", $3::uuid, 'Admin', now() - ($4 || ' hours')::interval from "Period" p where p.month = $1 returning id`,
        [MONTH, status, admin.id, String(hours)],
      );
    const stalePending = await insert("PENDING", 25);
    const staleDiscarded = await insert("DISCARDED", 30);
    const recent = await insert("PENDING", 23);
    const res = await page.request.post(`/api/periods/${MONTH}/imports`, {
      headers: { Accept: "application/json" },
      multipart: { file: { name: "v.csv", mimeType: "text/csv", buffer: Buffer.from("indicator_code,value\nNOT_A_CODE,1\n") } },
    });
    expect(res.status()).toBe(201);
    const left = (
      await query<{ id: string }>(`select id from "ImportBatch" where id = any($1::uuid[])`, [
        [stalePending.id, staleDiscarded.id, recent.id],
      ])
    ).map((r) => r.id);
    expect(left).toEqual([recent.id]);
    await query(`delete from "ImportBatch" where id = $1 or id = $2`, [recent.id, ((await res.json()) as { batchId: string }).batchId]);
  });
});

test.describe("commentary", () => {
  test("a NUL in commentary, its autosave or a value's reason is a field error naming the field, and nothing is stored", async ({
    page,
  }) => {
    await page.clock.install();
    const box = await openEditor(page);
    await box.fill(`${MARKER} draft`);
    const save = await captureAction(page, () => page.getByRole("button", { name: "Save draft" }).click());
    const before = await commentary().catch(() => null);
    const saved = await replay(page, save, save.body.replace(MARKER, "a\u0000b"));
    expect(saved.status()).toBe(200);
    expect(await saved.text()).toContain("Commentary must not contain a NUL character");

    await (await openEditor(page, false)).fill(`${MARKER} autosave`);
    const autosave = await captureAction(page, () => page.clock.fastForward(31_000));
    expect(autosave.body).toContain(MARKER);
    const autosaved = await replay(page, autosave, autosave.body.replace(MARKER, "a\\u0000b"));
    expect(autosaved.status()).toBe(200);
    expect(await autosaved.text()).toContain("Commentary must not contain a NUL character");
    expect(await commentary().catch(() => null)).toEqual(before);

    // The value grid's "not available" reason.
    await page.goto(`/periods/${MONTH}/values`);
    const reasonLabel = "Reason the figure for Referrals to children's social care is not available";
    await page.getByLabel("Not available for Referrals to children's social care").check();
    await page.getByLabel(reasonLabel).fill(MARKER);
    const value = await captureAction(page, () => page.getByRole("button", { name: "Save Referrals to children's social care" }).click());
    const stored = () =>
      one(
        `select v.value, v."notAvailableReason", v.revision from "IndicatorValue" v join "Indicator" i on i.id = v."indicatorId" join "Period" p on p.id = v."periodId" where i.code = 'REFERRALS' and p.month = $1`,
        [MONTH],
      );
    const valueBefore = await stored();
    const res = await replay(page, value, value.body.replace(MARKER, "outage\u0000"));
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain("The reason must not contain a NUL character");
    expect(await stored()).toEqual(valueBefore);
  });

  test("bytes that are not UTF-8, or half a surrogate pair, in commentary or its autosave are a field error, and nothing is stored", async ({
    page,
  }) => {
    await page.clock.install();
    const box = await openEditor(page);
    await box.fill(`${MARKER} draft`);
    const save = await captureAction(page, () => page.getByRole("button", { name: "Save draft" }).click());
    const before = await commentary().catch(() => null);
    // 0xC3 0x28: a UTF-8 lead byte followed by "(", which the server decodes as U+FFFD.
    const [head, tail] = save.body.split(MARKER);
    const saved = await replay(page, save, Buffer.concat([Buffer.from(head), Buffer.from([0x61, 0xc3, 0x28]), Buffer.from(tail)]));
    expect(saved.status()).toBe(200);
    expect(await saved.text()).toContain("Commentary holds a character that could not be read");

    await (await openEditor(page, false)).fill(`${MARKER} autosave`);
    const autosave = await captureAction(page, () => page.clock.fastForward(31_000));
    expect(autosave.body).toContain(MARKER);
    const autosaved = await replay(page, autosave, autosave.body.replace(MARKER, "a\\ud800b"));
    expect(autosaved.status()).toBe(200);
    expect(await autosaved.text()).toContain("Commentary holds a character that could not be read");
    expect(await commentary().catch(() => null)).toEqual(before);
  });

  test("autosave with a body that is not JSON is 400", async ({ page }) => {
    await page.clock.install();
    const box = await openEditor(page);
    await box.fill(`${MARKER} autosave`);
    const autosave = await captureAction(page, () => page.clock.fastForward(31_000));
    const res = await replay(page, autosave, '[{"month": not json');
    expect(res.status()).toBe(400);
  });

  test("commentary over the 1 MB body limit is 413, and the form shows the length rule before sending", async ({ page }) => {
    const box = await openEditor(page);
    await box.fill(MARKER);
    const save = await captureAction(page, () => page.getByRole("button", { name: "Save draft" }).click());
    const res = await replay(page, save, save.body.replace(MARKER, "x".repeat(1_100_000)));
    expect(res.status()).toBe(413);
    expect(await res.text()).toContain("Commentary must be 20,000 characters or fewer");

    await page.goto(SECTION);
    await page.getByLabel("Commentary text").fill("x".repeat(1_100_000));
    let sent = false;
    page.on("request", (r) => {
      if (r.method() === "POST" && r.headers()["next-action"]) sent = true;
    });
    await page.getByRole("button", { name: "Save draft" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect(summary).toContainText("Commentary must be 20,000 characters or fewer (it has 1,100,000)");
    await expect(summary.getByRole("link")).toHaveAttribute("href", "#body");
    expect(sent).toBe(false);
  });

  test("commentary over the 1 MB body limit sent in chunks, with no length declared, is 413 and nothing is saved", async ({ page }) => {
    const box = await openEditor(page);
    await box.fill(MARKER);
    const save = await captureAction(page, () => page.getByRole("button", { name: "Save draft" }).click());
    const before = await commentary().catch(() => null);
    const body = Buffer.from(save.body.replace(MARKER, `${MARKER}-chunked ${"x".repeat(1_100_000)}`), "utf8");
    const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const { "content-length": _length, ...headers } = save.headers;
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(save.url);
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: "POST",
          path: url.pathname + url.search,
          headers: { ...headers, cookie: cookies, "transfer-encoding": "chunked" },
        },
        (r) => {
          let text = "";
          r.setEncoding("utf8");
          r.on("data", (d) => (text += d));
          r.on("end", () => resolve({ status: r.statusCode ?? 0, body: text }));
        },
      );
      req.on("error", reject);
      // Sent as Node sends a stream: 64 KB chunks, no Content-Length.
      for (let at = 0; at < body.length; at += 65_536) req.write(body.subarray(at, at + 65_536));
      req.end();
    });
    expect(res.status).toBe(413);
    expect(res.body).toContain("Commentary must be 20,000 characters or fewer");
    const after = await commentary().catch(() => null);
    expect(after?.body ?? "").not.toContain(`${MARKER}-chunked`);
    expect(after?.version).toBe(before?.version);
  });

  test("a Save with no text in it records nothing: same version, no audit event", async ({ page }) => {
    const box = await openEditor(page);
    await box.fill(MARKER);
    const save = await captureAction(page, () => page.getByRole("button", { name: "Save draft" }).click());
    // A first real save, so there is a commentary to compare.
    expect((await replay(page, save, save.body)).status()).toBeLessThan(400);
    const before = await commentary();
    const audits = await auditCount(before.id);
    const boundary = /boundary=(.+)$/.exec(save.headers["content-type"])![1];
    const parts = save.body.split(`--${boundary}`);
    const withoutBody = parts.filter((p) => !/name="(\w*_)?body"/.test(p)).join(`--${boundary}`);
    expect(withoutBody).not.toContain(MARKER);
    const res = await replay(
      page,
      save,
      withoutBody.replace(/name="(\w*_)?expectedVersion"\r\n\r\n\d+/, (m) => m.replace(/\d+$/, String(before.version))),
    );
    expect(res.status()).toBeLessThan(400);
    expect(await commentary()).toEqual(before);
    expect(await auditCount(before.id)).toBe(audits);
  });
});

test("a server action with a forged Origin and X-Forwarded-Host is refused and saves nothing", async ({ page }) => {
  const box = await openEditor(page);
  await box.fill(MARKER);
  const save = await captureAction(page, () => page.getByRole("button", { name: "Save draft" }).click());
  const before = await commentary().catch(() => null);
  const res = await replay(page, save, save.body.replace(MARKER, "Forged"), {
    Origin: "https://evil.example",
    "X-Forwarded-Host": "evil.example",
  });
  expect(res.status()).toBe(403);
  expect(await commentary().catch(() => null)).toEqual(before);
});

test.describe("the published pack", () => {
  const isStored = (html: string) => html.includes("app-print-hint") && !/<script\b[^>]*\bsrc=/.test(html);

  test("unknown query parameters and client-router requests are served from the stored HTML", async ({ page }) => {
    await signInAs(page, ACCOUNTS.panel);
    expect(isStored(await (await page.request.get("/packs/2019-07")).text())).toBe(true);
    for (const path of ["/packs/2019-07?x=1", "/packs/2019-07?version=1&utm_source=mail"]) {
      const res = await page.request.get(path);
      expect(res.status(), path).toBe(200);
      expect(isStored(await res.text()), path).toBe(true);
    }
    const rsc = await page.request.get("/packs/2019-07?_rsc=abc", { headers: { RSC: "1" } });
    expect(rsc.headers()["content-type"]).toContain("text/html");
    expect(isStored(await rsc.text())).toBe(true);
    const post = await page.request.post("/packs/2019-07", { form: { x: "1" }, maxRedirects: 0 });
    expect(post.status()).toBe(405);
  });

  test("an invalid version is 404, as it is for the downloads", async ({ page }) => {
    await signInAs(page, ACCOUNTS.panel);
    for (const version of ["abc", "-1", "999999999999", "0"]) {
      const res = await page.request.get(`/packs/2019-07?version=${version}`);
      expect(res.status(), `?version=${version}`).toBe(404);
      expect((await page.request.get(`/packs/2019-07.csv?version=${version}`)).status()).toBe(404);
    }
  });
});

// Issue 25, items 12, 15-18 and 20: each answer says what is true, and nothing reaches the log as an
// error (scripts/server-log-check.mjs fails the run if it does).
test.describe("clean answers", () => {
  const BOUNDARY = "----hostileBoundary";
  const formBody = (value: string) =>
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="x"\r\n\r\n${value}\r\n--${BOUNDARY}--\r\n`);
  const formPost = (page: Page, path: string, value: string) =>
    page.request.post(path, {
      headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}`, Origin: `http://localhost:${port}` },
      data: formBody(value),
      maxRedirects: 0,
    });
  const MALFORMED = "This request is not one Scrutiny Pack's pages send, so nothing was done";

  test("a signed-in post to an unknown address is 404 and to a page without a form 405 with its Allow, whatever the body", async ({
    page,
  }) => {
    await signInAs(page, ACCOUNTS.admin);
    const big = "x".repeat(1_100_000);
    for (const value of ["small", big]) {
      for (const path of ["/nowhere", `/api/periods/${MONTH}/import`]) {
        const res = await formPost(page, path, value);
        expect(res.status(), `${path} (${value.length} characters)`).toBe(404);
      }
      for (const path of ["/packs/2019-07", "/admin/audit", "/login/forgotten-password"]) {
        const res = await formPost(page, path, value);
        expect(res.status(), `${path} (${value.length} characters)`).toBe(405);
        expect(res.headers().allow).toBe("GET, HEAD, OPTIONS");
      }
    }
    // A page with a form takes posts: over the limit is 413 there, with or without a Next-Action header.
    expect((await formPost(page, `/periods/${MONTH}/values`, big)).status()).toBe(413);
  });

  test("OPTIONS is 204 with the methods the address takes, and a 404 page's title says so", async ({ page }) => {
    for (const [path, allow] of [
      ["/packs/2019-07", "GET, HEAD, OPTIONS"],
      [`/periods/${MONTH}/values`, "GET, HEAD, POST, OPTIONS"],
      [`/api/periods/${MONTH}/imports`, "POST, OPTIONS"],
    ]) {
      const res = await raw("OPTIONS", path);
      expect(res.status, path).toBe(204);
      expect(res.headers.allow, path).toBe(allow);
    }
    const put = await raw("PUT", "/packs/2019-07");
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe("GET, HEAD, OPTIONS");

    await signInAs(page, ACCOUNTS.admin);
    const firstTitle = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];
    for (const path of ["/nowhere", "/periods/2099-01", "/packs/2031-01"]) {
      const res = await page.request.get(path);
      expect(res.status(), path).toBe(404);
      expect(firstTitle(await res.text()), path).toBe("Page not found - Scrutiny Pack - Northbridge City Council");
    }
  });

  test("server actions Next cannot decode, or that this build does not have, are 400 and change nothing", async ({ page }) => {
    await page.clock.install();
    const box = await openEditor(page);
    await box.fill(`${MARKER} autosave`);
    const autosave = await captureAction(page, () => page.clock.fastForward(31_000));
    await (await openEditor(page, false)).fill(MARKER);
    const save = await captureAction(page, () => page.getByRole("button", { name: "Save draft" }).click());
    const before = await commentary().catch(() => null);
    const attempts: [string, Promise<import("@playwright/test").APIResponse>][] = [
      ["JSON pointing at a server reference that is not there", replay(page, autosave, '["$F1"]')],
      ["JSON pointing at a file that is not there", replay(page, autosave, '"$B1"')],
      ["an unknown action id", replay(page, autosave, autosave.body, { "next-action": "7f".padEnd(42, "0") })],
      ["multipart with no boundary", replay(page, save, save.body, { "content-type": "multipart/form-data" })],
      ["a cut-off multipart body", replay(page, save, save.body.slice(0, Math.floor(save.body.length / 2)))],
    ];
    for (const [what, attempt] of attempts) {
      const res = await attempt;
      expect(res.status(), what).toBe(400);
      expect(await res.text(), what).toContain(MALFORMED);
    }
    expect(await commentary().catch(() => null)).toEqual(before);
  });

  test("an Origin with a user before our host is refused, not read as our own", async ({ page }) => {
    const box = await openEditor(page);
    await box.fill(MARKER);
    const save = await captureAction(page, () => page.getByRole("button", { name: "Save draft" }).click());
    const before = await commentary().catch(() => null);
    const res = await replay(page, save, save.body.replace(MARKER, "Forged"), { origin: `http://evil.example@localhost:${port}` });
    expect(res.status()).toBe(400);
    expect(await commentary().catch(() => null)).toEqual(before);
  });

  test("members-only pages and downloads are never stored, not even by the browser", async ({ page }) => {
    await signInAs(page, ACCOUNTS.panel);
    for (const path of ["/packs/2019-07", "/packs/2019-07.csv", "/packs/2019-07.json", "/packs/2019-07.xlsx", "/packs"]) {
      const res = await page.request.get(path);
      expect(res.status(), path).toBe(200);
      expect(res.headers()["cache-control"], path).toContain("no-store");
      expect(res.headers()["cache-control"], path).not.toMatch(/public|max-age=[1-9]/);
    }
    await signInAs(page, ACCOUNTS.admin);
    const values = await page.request.get(`/api/periods/${MONTH}/values.csv`);
    expect(values.headers()["cache-control"]).toBe("private, no-store");
  });
});
