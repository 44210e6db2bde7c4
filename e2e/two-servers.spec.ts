// Two app servers on one database, as behind a load balancer: a second `next start` from the same build
// on its worker's port + 10, beside the worker's own (e2e/worker-servers.ts), and a round-robin balancer in front of both. A
// session made on one is honoured by the other, a form served by one is taken by the other, 20
// conflicting approvals spread over both have exactly one winner, and a stored pack page and a PDF
// are made once between them (counted in the database) and served by both.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { findUnhandledErrors } from "../scripts/server-log-check.mjs";
import { ACCOUNTS, DEMO_PASSWORD, expectResultFocused } from "./fixtures";
import { one, query } from "./db";
import { thisWorker, workerPort } from "./worker-servers";

const portA = workerPort();
const portB = portA + 10;
const A = `http://localhost:${portA}`;
const B = `http://localhost:${portB}`;
// A month of this spec's own for the commentary, so the demo's August 2019 stays as the journey expects.
const MONTH = "2022-03";
const SECTION = `/periods/${MONTH}/sections/demand`;
// Published months no other spec downloads.
const PACK_MONTH = "2019-05";
const BOUND_MONTHS = ["2019-03", "2019-04"];

let second: ChildProcess | undefined;
let secondLog = "";
let balancer: http.Server | undefined;
let LB = "";
type Served = { port: number; method: string; url: string; action: boolean };
const served: Served[] = [];
/** Which server the balancer sends a request to; each test sets its own rule. */
let pick: (req: http.IncomingMessage, n: number) => number = (_req, n) => (n % 2 ? portB : portA);

/** A balancer that passes each request on unchanged (Host included) to the server `pick` names. */
function startBalancer(): Promise<string> {
  let n = 0;
  balancer = http.createServer((req, res) => {
    const port = pick(req, n++);
    served.push({ port, method: req.method ?? "", url: req.url ?? "", action: Boolean(req.headers["next-action"]) });
    const upstream = http.request({ host: "127.0.0.1", port, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) =>
    balancer!.listen(0, "127.0.0.1", () => resolve(`http://localhost:${(balancer!.address() as AddressInfo).port}`)),
  );
}

async function startSecondServer() {
  const root = path.resolve(import.meta.dirname, "..");
  // The same build, database, secrets and public address as the first server; only the port differs.
  second = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(portB)], {
    // One PDF render at a time on this one, so the last test can see its bound.
    cwd: root,
    env: { ...process.env, ...thisWorker(), PORT: String(portB), PDF_RENDERS_PER_PROCESS: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (d: Buffer) => {
    // Printed with the first server's prefix, so npm test's check of the server log covers this one too.
    const lines = d
      .toString()
      .split(/\r?\n/)
      .filter(Boolean)
      .map((l) => `[WebServer] [second server] ${l}`);
    secondLog += lines.join("\n") + "\n";
    for (const l of lines) console.log(l);
  };
  second.stdout!.on("data", keep);
  second.stderr!.on("data", keep);
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (second.exitCode !== null) throw new Error(`The second server exited with ${second.exitCode}:\n${secondLog}`);
    const ok = await fetch(`${B}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`The second server did not answer on ${B} within 90 s:\n${secondLog}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Signs in through next-auth's API at one origin (the cookie is for localhost, so every port gets it). */
async function signInAt(page: Page, origin: string, email: string) {
  await page.context().clearCookies();
  const { csrfToken } = (await (await page.request.get(`${origin}/api/auth/csrf`)).json()) as { csrfToken: string };
  const res = await page.request.post(`${origin}/api/auth/callback/credentials`, {
    form: { csrfToken, email, password: DEMO_PASSWORD, json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
}
const sessionAt = async (page: Page, origin: string) =>
  ((await (await page.request.get(`${origin}/api/auth/session`)).json()) as { user?: { email?: string } } | null)?.user?.email;

const commentary = () =>
  one<{ id: string; version: number; status: string; body: string }>(
    `select c.id, c.version, c.status, c.body from "Commentary" c join "Section" s on s.id = c."sectionId" join "Period" p on p.id = c."periodId" where s.slug = 'demand' and p.month = $1`,
    [MONTH],
  );

test.describe.serial("two app servers on one database", () => {
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    expect(process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, "npm test gives both servers the same server actions key").toBeTruthy();
    await query(`delete from "Period" where month = $1`, [MONTH]);
    await query(`insert into "Period" (id, month, "panelMeetingDate", "updatedAt") values (gen_random_uuid(), $1, '2022-04-21', now())`, [
      MONTH,
    ]);
    await startSecondServer();
    LB = await startBalancer();
  });

  test.afterAll(async () => {
    await new Promise((r) => (balancer ? balancer.close(r) : r(null)));
    if (second && second.exitCode === null) {
      const exited = new Promise((r) => second!.once("exit", r));
      second.kill("SIGTERM");
      await exited;
    }
    await query(`delete from "Period" where month = $1`, [MONTH]);
    await query(`drop trigger if exists e2e_count_stored_html on "StoredPackPage"`);
    await query(`drop function if exists e2e_count_stored_html()`);
    await query(`drop table if exists e2e_stored_html_writes`);
    expect(findUnhandledErrors(secondLog), "the second server logged no unhandled error").toEqual([]);
  });

  test("a session made on one server is honoured by the other, both ways", async ({ page }) => {
    await signInAt(page, A, ACCOUNTS.director);
    expect(await sessionAt(page, B)).toBe(ACCOUNTS.director);
    await page.goto(`${B}/periods/${MONTH}`);
    await expect(page.getByText("Signed in as")).toBeVisible();
    await signInAt(page, B, ACCOUNTS.panel);
    expect(await sessionAt(page, A)).toBe(ACCOUNTS.panel);
    await page.goto(`${A}/packs`);
    await expect(page.getByText("Signed in as")).toBeVisible();
  });

  test("signing out on one server ends the session on the other at once, though it keeps sessions in memory", async ({ page }) => {
    // Both servers listen for the database's notifications (lib/cache/invalidation.ts), so both cache sessions.
    await expect
      .poll(
        async () =>
          (
            await one<{ n: number }>(
              `select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'scrutiny-pack cache listener'`,
            )
          ).n,
      )
      .toBe(2);
    await signInAt(page, A, ACCOUNTS.panel);
    const cookies = await page.context().cookies();
    // Read twice on B: the second is served from B's memory.
    for (let i = 0; i < 2; i++) {
      const res = await page.request.get(`${B}/packs`, { maxRedirects: 0 });
      expect(res.status()).toBe(200);
      expect(await res.text()).toContain("Signed in as");
    }
    // Sign out on A as the header's form does (it also expires the cookie in this browser).
    const out = await page.request.post(`${A}/logout`, { maxRedirects: 0, headers: { origin: A } });
    expect(out.status()).toBe(303);
    expect(
      await one<{ ended: boolean }>(
        `select "endedAt" is not null as ended from "UserSession" where "userId" = (select id from "User" where email = $1) order by "createdAt" desc limit 1`,
        [ACCOUNTS.panel],
      ),
    ).toEqual({ ended: true });
    // The same cookie, kept from before, is refused by B at the very next request.
    await page.context().addCookies(cookies);
    const after = await page.request.get(`${B}/packs`, { maxRedirects: 0 });
    expect(after.status()).toBe(307);
    expect(after.headers()["location"]).toMatch(/\/login/);
  });

  test("a form served by one server is posted to the other, and the other way round", async ({ page }) => {
    // Pages from the first server, every server action to the second.
    pick = (req) => (req.headers["next-action"] ? portB : portA);
    await signInAt(page, LB, ACCOUNTS.leadDemand);
    served.length = 0;
    await page.goto(`${LB}${SECTION}`);
    await page.getByLabel("Commentary text").fill("Drafted on one server, saved on the other.");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expectResultFocused(page, "Draft saved");
    expect(served.filter((s) => s.action).map((s) => s.port)).toEqual([portB]);
    expect((await commentary()).body).toBe("Drafted on one server, saved on the other.");

    // Pages from the second, actions to the first.
    pick = (req) => (req.headers["next-action"] ? portA : portB);
    served.length = 0;
    await page.goto(`${LB}${SECTION}`);
    await page.getByLabel("Commentary text").fill("Drafted on one server, saved on the other, submitted from the first.");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expectResultFocused(page, "Commentary submitted for review");
    const actions = served.filter((s) => s.action);
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions.map((s) => s.port))).toEqual(new Set([portA]));
    expect(served.filter((s) => s.method === "GET" && s.url.startsWith(SECTION)).every((s) => s.port === portB)).toBe(true);
    expect(await commentary()).toMatchObject({ status: "SUBMITTED" });
  });

  test("20 concurrent approvals spread over both servers: exactly one wins, the rest are told of the conflict", async ({ page }) => {
    // Actions alternate between the servers by a count of their own: a page request that reaches the
    // balancer during the burst (the page's own, after its action was caught) cannot shift the split.
    let actionsSeen = 0;
    pick = (req) => (req.headers["next-action"] ? (actionsSeen++ % 2 ? portB : portA) : portA);
    await signInAt(page, LB, ACCOUNTS.director);
    await page.goto(`${LB}${SECTION}`);
    const before = await commentary();
    // The director's Approve, caught as the browser sends it, then sent 20 times at once.
    let captured: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
    await page.route("**/*", async (route) => {
      const r = route.request();
      if (!captured && r.method() === "POST" && r.headers()["next-action"]) {
        captured = { url: r.url(), headers: r.headers(), body: r.postDataBuffer() ?? Buffer.alloc(0) };
        return route.abort();
      }
      return route.continue();
    });
    await page.getByRole("button", { name: "Approve" }).click();
    await expect.poll(() => captured !== undefined).toBe(true);
    await page.unrouteAll({ behavior: "ignoreErrors" });
    const { "content-length": _length, ...headers } = captured!.headers;

    served.length = 0;
    actionsSeen = 0;
    const answers = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const res = await page.request.post(captured!.url, { headers, data: captured!.body, maxRedirects: 0 });
        return { status: res.status(), redirect: res.headers()["x-action-redirect"] ?? "", body: await res.text() };
      }),
    );
    const ports = served.filter((s) => s.action).map((s) => s.port);
    expect(ports.filter((p) => p === portA)).toHaveLength(10);
    expect(ports.filter((p) => p === portB)).toHaveLength(10);
    expect(answers.map((a) => a.status).filter((s) => s >= 400)).toEqual([]);
    const winners = answers.filter((a) => a.redirect.includes("done=approved"));
    const refused = answers.filter((a) => !a.redirect && /"ok":false/.test(a.body));
    const said = refused.map((a) => /"message":"([^"]+)"/.exec(a.body)?.[1] ?? "");
    const messages = new Set(said);
    console.log(
      `20 approvals over two servers: ${winners.length} won, ${refused.length} refused (${[...messages].map((m) => `${said.filter((x) => x === m).length} x "${m.slice(0, 50)}"`).join(", ")})`,
    );
    expect(winners).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const m of messages) expect(m).toMatch(/^(Someone else changed this commentary|You cannot approve commentary that is approved)/);
    const after = await commentary();
    expect(after).toMatchObject({ status: "APPROVED", version: before.version + 1 });
    const approvals = await one<{ n: number }>(
      `select count(*)::int as n from "AuditEvent" where "entityId" = $1 and action = 'commentary.approve'`,
      [after.id],
    );
    expect(approvals.n).toBe(1);
  });

  test("a stored pack page and a PDF are made once between the two servers, and served by both", async ({ page }) => {
    const { id } = await one<{ id: string }>(
      `select v.id from "PackVersion" v join "Period" p on p.id = v."periodId" where p.month = $1 and v.version = 1`,
      [PACK_MONTH],
    );
    await query(`delete from "StoredPackPage" where "packVersionId" = $1`, [id]);
    await query(`delete from "PackPdf" where "packVersionId" = $1`, [id]);
    await query(`delete from "PackPdfRender" where "packVersionId" = $1`, [id]);
    // Counts every write of this version's stored page, whichever server makes it.
    await query(`create table if not exists e2e_stored_html_writes (pack_version_id uuid not null, at timestamptz not null default now())`);
    await query(`create or replace function e2e_count_stored_html() returns trigger language plpgsql security definer as $$
      begin if new.audience = 'PANEL_MEMBER' then insert into e2e_stored_html_writes (pack_version_id) values (new."packVersionId"); end if; return new; end $$`);
    await query(`drop trigger if exists e2e_count_stored_html on "StoredPackPage"`);
    await query(
      `create trigger e2e_count_stored_html after insert or update on "StoredPackPage" for each row execute function e2e_count_stored_html()`,
    );

    await signInAt(page, A, ACCOUNTS.panel);
    const pageAt = async (origin: string) => {
      const res = await page.request.get(`${origin}/packs/${PACK_MONTH}`);
      expect(res.status()).toBe(200);
      return res.text();
    };
    const fromA = await pageAt(A);
    expect(fromA).toContain('id="pack-title"');
    const fromB = await pageAt(B);
    expect(fromB).toBe(fromA);
    expect(await pageAt(A)).toBe(fromA);
    const writes = await one<{ n: number }>(`select count(*)::int as n from e2e_stored_html_writes where pack_version_id = $1`, [id]);
    expect(writes.n).toBe(1);
    // The same bytes, so the same ETag: a browser's repeat visit gets its 304 from either server.
    const etag = (await page.request.get(`${A}/packs/${PACK_MONTH}`)).headers()["etag"];
    expect(etag).toBeTruthy();
    const repeat = await page.request.get(`${B}/packs/${PACK_MONTH}`, { headers: { "If-None-Match": etag } });
    expect(repeat.status()).toBe(304);

    // 20 first requests for the PDF at once, alternating between the servers.
    const started = Date.now();
    const pdfs = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const res = await page.request.get(`${i % 2 ? B : A}/packs/${PACK_MONTH}/pdf`, { timeout: 90_000 });
        const body = await res.body();
        return {
          status: res.status(),
          retryAfter: res.headers()["retry-after"],
          hash: createHash("sha256").update(body).digest("hex"),
          pdf: body.subarray(0, 5).toString(),
        };
      }),
    );
    const render = await one<{ renders: number; claimedBy: string | null }>(
      `select renders, "claimedBy" from "PackPdfRender" where "packVersionId" = $1`,
      [id],
    );
    console.log(
      `20 concurrent first PDF requests over two servers: ${pdfs.filter((p) => p.status === 200).length} answered 200 in ${Date.now() - started} ms, ${render.renders} render(s) counted`,
    );
    expect(pdfs.map((p) => p.status)).toEqual(Array(20).fill(200));
    expect(new Set(pdfs.map((p) => p.hash)).size).toBe(1);
    expect(pdfs[0].pdf).toBe("%PDF-");
    expect(render).toEqual({ renders: 1, claimedBy: null });
    const stored = await one<{ hash: string }>(`select encode(sha256(pdf), 'hex') as hash from "PackPdf" where "packVersionId" = $1`, [id]);
    expect(stored.hash).toBe(pdfs[0].hash);
    // Later requests to either server are served from the stored copy.
    for (const origin of [A, B]) {
      const res = await page.request.get(`${origin}/packs/${PACK_MONTH}/pdf`);
      expect(res.status()).toBe(200);
      expect(
        createHash("sha256")
          .update(await res.body())
          .digest("hex"),
      ).toBe(stored.hash);
    }
    expect((await one<{ renders: number }>(`select renders from "PackPdfRender" where "packVersionId" = $1`, [id])).renders).toBe(1);
  });

  test("a server already making its PDF_RENDERS_PER_PROCESS renders answers another with 503 and Retry-After", async ({ page }) => {
    for (const month of BOUND_MONTHS) {
      await query(
        `delete from "PackPdf" f using "PackVersion" v, "Period" p where f."packVersionId" = v.id and v."periodId" = p.id and p.month = $1`,
        [month],
      );
    }
    await signInAt(page, B, ACCOUNTS.panel);
    // The second server renders one PDF at a time: two versions asked for at once, one waits its turn.
    const answers = await Promise.all(
      BOUND_MONTHS.map(async (month) => {
        const res = await page.request.get(`${B}/packs/${month}/pdf`, { timeout: 90_000 });
        return {
          month,
          status: res.status(),
          retryAfter: res.headers()["retry-after"],
          text: res.status() === 200 ? "" : await res.text(),
        };
      }),
    );
    console.log(
      `Two PDFs at once on a server allowed one render: ${answers.map((a) => `${a.month} ${a.status}${a.retryAfter ? ` (Retry-After ${a.retryAfter})` : ""}`).join(", ")}`,
    );
    expect(answers.map((a) => a.status).sort((a, b) => a - b)).toEqual([200, 503]);
    const busy = answers.find((a) => a.status === 503)!;
    expect(busy.retryAfter).toBe("30");
    expect(busy.text).toContain("The PDF is busy");
    // Asked again once the first is made, it is rendered.
    const again = await page.request.get(`${B}/packs/${busy.month}/pdf`, { timeout: 90_000 });
    expect(again.status()).toBe(200);
    expect((await again.body()).subarray(0, 5).toString()).toBe("%PDF-");
  });
});
