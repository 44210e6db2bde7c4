// The route handler wrapper on its own: who is asking, the permission, the site a state-changing
// request came from, Next's async params, and what a thrown error becomes; and that every route
// handler in app/ is made with it.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { redirect } from "next/navigation";
import {
  defineRoute,
  jsonRefusal,
  textRefusal,
  type NoParams,
  type Refusal,
  type RouteHandler,
  type RouteParams,
  type SignedInRouteSpec,
} from "@/lib/define-route";
import { GENERIC_ERROR } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/roles";

const admin: SessionUser = { id: "a", name: "Ada Admin", email: "ada@test.example", role: "ADMIN" };
const panel: SessionUser = { id: "p", name: "Pat Panel", email: "pat@test.example", role: "PANEL_MEMBER" };
const HOST = "scrutiny.test";

type Call<P> = { method?: string; headers?: Record<string, string>; params?: P };

/** Calls a handler as Next does: a NextRequest, and the params as a promise. */
function call<P extends RouteParams = NoParams>(route: RouteHandler<P>, { method = "GET", headers = {}, params }: Call<P> = {}) {
  const request = new NextRequest(`http://${HOST}/api/things/2019-07`, { method, headers: { host: HOST, ...headers } });
  return route(request, { params: Promise.resolve(params ?? ({} as P)) });
}

const ok = vi.fn<() => Response>(() => new Response("done"));
/** The session's user, as the wrapper reads it. */
const asking = (user: SessionUser | null) => () => Promise.resolve(user);
/** A route for administrators (audit.view), asked by `user`. */
const signedIn = (user: SessionUser | null, extra: Partial<SignedInRouteSpec<NoParams>> = {}) =>
  defineRoute({ permission: "audit.view", session: asking(user), handler: ok, ...extra });

afterEach(() => {
  ok.mockClear();
  vi.restoreAllMocks();
});

describe("defineRoute: who is asking", () => {
  it("refuses a signed-out visitor with 401 before the handler runs", async () => {
    const res = await call(signedIn(null));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "You need to sign in" });
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(ok).not.toHaveBeenCalled();
  });

  it("refuses a role without the permission with 403 before the handler runs", async () => {
    const res = await call(signedIn(panel));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: "You do not have access to do that" });
    expect(ok).not.toHaveBeenCalled();
  });

  it("asks a permission rule of the route's own with the user", async () => {
    const rule = vi.fn<(u: SessionUser) => boolean>((u) => u.id === "p");
    const route = defineRoute({ permission: rule, session: asking(panel), handler: ok });
    expect((await call(route)).status).toBe(200);
    expect(rule).toHaveBeenCalledWith(panel);
    const other = defineRoute({ permission: rule, session: asking(admin), handler: ok });
    expect((await call(other)).status).toBe(403);
  });

  it("hands the handler the user, the request and the awaited params", async () => {
    const handler = ({ user, params, request }: { user: SessionUser; params: { period: string }; request: NextRequest }) =>
      Response.json({ user: user.id, period: params.period, path: request.nextUrl.pathname });
    const route = defineRoute<{ period: string }>({ permission: "audit.view", session: asking(admin), handler });
    const res = await call(route, { params: { period: "2019-07" } });
    expect(await res.json()).toEqual({ user: "a", period: "2019-07", path: "/api/things/2019-07" });
  });

  it("lets anyone through a public route, signed in or not, for the handler to decide", async () => {
    for (const user of [null, panel]) {
      const handler = ({ user: u }: { user: SessionUser | null }) => Response.json({ user: u?.id ?? null });
      const res = await call(defineRoute({ permission: "public", session: asking(user), handler }));
      expect(await res.json()).toEqual({ user: user?.id ?? null });
    }
  });

  it("reads no session at all when the route says so", async () => {
    const handler = ({ user }: { user: SessionUser | null }) => Response.json({ user });
    const res = await call(defineRoute({ permission: "public", session: false, handler }));
    expect(await res.json()).toEqual({ user: null });
  });
});

describe("defineRoute: which site sent a state-changing request", () => {
  const post = (headers: Record<string, string>, extra: Partial<SignedInRouteSpec<NoParams>> = {}) =>
    call(signedIn(admin, extra), { method: "POST", headers });

  it("answers an Origin header that is not an address with 400", async () => {
    for (const origin of ["not a url", "", "http://evil.example@localhost"]) {
      const res = await post({ origin });
      expect(res.status, origin).toBe(400);
      expect(await res.json()).toEqual({ error: "The request's Origin header is not an address" });
    }
    expect(ok).not.toHaveBeenCalled();
  });

  // Browsers send "null" from sandboxed frames and some cross-site redirects: never our own pages.
  it("refuses Origin: null as another site's, with 403", async () => {
    const res = await post({ origin: "null" });
    expect(res.status).toBe(403);
    expect(ok).not.toHaveBeenCalled();
  });

  it("refuses another site's Origin, or a cross-site Sec-Fetch-Site, with 403", async () => {
    const crossSite: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { origin: `http://${HOST}.evil.example` },
      { origin: `http://${HOST}:8080` },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { origin: `http://${HOST}`, "sec-fetch-site": "cross-site" },
    ];
    for (const headers of crossSite) {
      const res = await post(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.json()).toEqual({ error: "This request did not come from Scrutiny Pack" });
    }
    expect(ok).not.toHaveBeenCalled();
  });

  it("accepts this site's own pages, the user's own navigation, and a client that sends neither header", async () => {
    const sameSite: Record<string, string>[] = [
      { origin: `http://${HOST}`, "sec-fetch-site": "same-origin" },
      { origin: `https://${HOST}` },
      { "sec-fetch-site": "none" },
      {},
    ];
    for (const headers of sameSite) expect((await post(headers)).status, JSON.stringify(headers)).toBe(200);
  });

  it("compares the Origin with the host a trusted proxy forwarded, as for server actions", async () => {
    expect((await post({ origin: "https://packs.council.example", "x-forwarded-host": "packs.council.example" })).status).toBe(200);
    expect((await post({ origin: `http://${HOST}`, "x-forwarded-host": "packs.council.example" })).status).toBe(403);
  });

  it("checks signing in first, then the site: a signed-out cross-site post is 401", async () => {
    expect((await call(signedIn(null), { method: "POST", headers: { origin: "https://evil.example" } })).status).toBe(401);
  });

  it("leaves GET alone unless the route asks, and checks any method when it does", async () => {
    expect((await call(signedIn(admin), { headers: { origin: "https://evil.example" } })).status).toBe(200);
    expect((await call(signedIn(admin, { sameOrigin: true }), { headers: { origin: "https://evil.example" } })).status).toBe(403);
    expect((await post({ origin: "https://evil.example" }, { sameOrigin: false })).status).toBe(200);
  });
});

describe("defineRoute: errors", () => {
  it("turns an unexpected error into a logged 500 that shows none of it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const failure = new Error("connection to db.internal:5432 refused, password hunter2");
    const route = signedIn(admin, {
      handler: () => {
        throw failure;
      },
    });
    const res = await call(route, { method: "POST" });
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ error: GENERIC_ERROR });
    expect(body).not.toMatch(/hunter2|db\.internal|Error|at /);
    expect(log).toHaveBeenCalledWith("POST /api/things/2019-07: unexpected error", failure);
  });

  it("logs only the stack when the route's input is personal data", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const failure = Object.assign(new Error("bad row"), { row: ["Child A", "2012-03-04"] });
    const res = await call(
      signedIn(admin, {
        logStackOnly: true,
        handler: () => Promise.reject(failure),
      }),
    );
    expect(res.status).toBe(500);
    expect(log).toHaveBeenCalledWith("GET /api/things/2019-07: unexpected error", failure.stack);
    expect(JSON.stringify(log.mock.calls)).not.toContain("Child A");
  });

  it("answers an AppError the handler throws with its status, message and field errors", async () => {
    const refuse = (r: Refusal) => Response.json(r, { status: r.status });
    const route = signedIn(admin, {
      refuse,
      handler: () => {
        throw new AppError("VALIDATION", "Enter a real date", { from: "Enter a real date" });
      },
    });
    const res = await call(route);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ status: 422, message: "Enter a real date", fieldErrors: { from: "Enter a real date" } });
  });

  it("leaves redirect() and Next's other signals to Next", async () => {
    const route = signedIn(admin, {
      handler: () => redirect("/somewhere"),
    });
    const thrown = await call(route).then(
      () => null,
      (e: unknown) => e as { digest?: string },
    );
    expect(thrown?.digest).toMatch(/^NEXT_REDIRECT;/);
  });
});

describe("defineRoute: each route's own refusals", () => {
  it("says no in the route's format, with the request and params, for every kind of refusal", async () => {
    const seen: [number, string, string][] = [];
    const refuse = (r: Refusal, { params }: { params: Record<string, string> }) => {
      seen.push([r.status, r.message, params.period]);
      return textRefusal(r);
    };
    const make = (user: SessionUser | null, handler: () => Response = ok) =>
      defineRoute<{ period: string }>({ permission: "audit.view", session: asking(user), refuse, handler });
    const params = { period: "2019-07" };
    vi.spyOn(console, "error").mockImplementation(() => {});
    await call(make(null), { params });
    await call(make(panel), { params });
    await call(make(admin), { method: "POST", headers: { origin: "nope" }, params });
    await call(make(admin), { method: "POST", headers: { origin: "https://evil.example" }, params });
    const res = await call(
      make(admin, () => {
        throw new Error("boom");
      }),
      { params },
    );
    expect(seen).toEqual([
      [401, "You need to sign in", "2019-07"],
      [403, "You do not have access to do that", "2019-07"],
      [400, "The request's Origin header is not an address", "2019-07"],
      [403, "This request did not come from Scrutiny Pack", "2019-07"],
      [500, GENERIC_ERROR, "2019-07"],
    ]);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await res.text()).toBe(`${GENERIC_ERROR}\n`);
  });

  it("has a JSON refusal by default, never cached", async () => {
    const res = jsonRefusal({ status: 409, message: "Changed", fieldErrors: {} });
    expect(res.status).toBe(409);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ error: "Changed" });
  });
});

describe("the route handlers in app/", () => {
  const ROOT = path.resolve(import.meta.dirname, "..");
  const routes = (dir: string): string[] =>
    fs
      .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? routes(`${dir}/${e.name}`) : e.name === "route.ts" ? [`${dir}/${e.name}`] : []));

  it("are each made with the wrapper, which reads the session and catches errors for them", () => {
    // next-auth's own handler is the one exception: it is the sign-in.
    const files = routes("app").filter((f) => f !== "app/api/auth/[...nextauth]/route.ts");
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const file of files) {
      const source = fs.readFileSync(path.join(ROOT, file), "utf8");
      expect(source, `${file} is made with the route wrapper`).toMatch(/from "@\/lib\/(define-route|import\/upload-route)"/);
      expect(source, `${file} exports only wrapped handlers`).not.toMatch(/export\s+(async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b/);
      expect(source, `${file} leaves the session to the wrapper`).not.toMatch(/getCurrentUser\(/);
      expect(source, `${file} leaves errors to the wrapper`).not.toMatch(/\btry\s*\{/);
    }
  });
});
