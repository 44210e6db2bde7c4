// Every address the app answers, and the methods each takes: the one list the HTTP server's guard
// (http-server-guard.ts) answers from before Next sees a request, so that a POST to an unknown address
// is 404 and to a page without a form 405, whatever its body (Next would otherwise read the body as a
// possible server action: a 400, or a 500 past 1 MB), OPTIONS is answered, and Allow says what is true.
// app-routes.test.ts checks the list against app/: every page and route handler, each handler's
// exported methods, and which pages reach a server action (those take POST).
// No "server-only" and no "@/" imports: the HTTP server's guard loads it from instrumentation.

/** A page: "form" when it holds a form or calls a server action (the action posts to the page's own address). */
export const PAGES: Record<string, "form" | "read"> = {
  "/": "read",
  "/accessibility": "read",
  "/login": "form",
  "/login/forgotten-password": "read",
  "/account/password": "form",
  "/account/two-step": "form",
  "/admin": "read",
  "/admin/audit": "read",
  "/admin/indicators": "read",
  "/admin/indicators/new": "form",
  "/admin/indicators/[code]": "form",
  "/admin/indicators/[code]/target": "form",
  "/admin/indicators/[code]/comparators/new": "form",
  "/admin/indicators/[code]/comparators/[id]": "form",
  "/admin/national": "form",
  "/admin/national/links": "form",
  "/admin/population": "form",
  "/admin/population/[year]/remove": "form",
  "/admin/reminders": "form",
  "/admin/sections": "form",
  "/admin/sections/new": "form",
  "/admin/sections/[slug]": "form",
  "/admin/users": "read",
  "/admin/users/new": "form",
  "/admin/users/[id]": "form",
  "/admin/users/[id]/deactivate": "form",
  "/admin/users/[id]/reset-password": "form",
  "/admin/users/[id]/role": "form",
  "/periods": "form",
  "/periods/calendar": "form",
  "/periods/history-import": "read",
  "/periods/history-import/[batchId]": "form",
  "/periods/[period]": "form",
  "/periods/[period]/import": "read",
  "/periods/[period]/import/[batchId]": "form",
  "/periods/[period]/import/annex-a": "read",
  "/periods/[period]/import/annex-a/[batchId]": "form",
  "/periods/[period]/publish": "form",
  "/periods/[period]/questions": "read",
  "/periods/[period]/questions/[id]": "form",
  "/periods/[period]/sections/[slug]": "form",
  "/periods/[period]/sections/[slug]/history": "read",
  "/periods/[period]/sign-off": "form",
  "/periods/[period]/values": "form",
  "/periods/[period]/values/[code]": "read",
  "/recommendations": "read",
  "/recommendations/new": "form",
  "/recommendations/[id]": "form",
  "/packs": "read",
  "/packs/[period]": "read",
  "/packs/[period]/questions": "read",
  "/packs/[period]/questions/new": "form",
};

export type HandlerMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Route handlers (app/**\/route.ts) and the methods each exports. */
export const ROUTE_HANDLERS: Record<string, readonly HandlerMethod[]> = {
  "/logout": ["POST"],
  "/admin/audit/export": ["GET"],
  "/api/auth/[...nextauth]": ["GET", "POST"],
  "/api/health": ["GET"],
  "/api/history-imports": ["POST"],
  "/api/national-data": ["POST"],
  "/api/packs/[period]/export/[format]": ["GET"],
  "/api/periods/[period]/annex-a": ["POST"],
  "/api/periods/[period]/imports": ["POST"],
  "/api/periods/[period]/values.csv": ["GET"],
  "/packs/calendar.ics": ["GET"],
  "/packs/latest": ["GET"],
  "/packs/[period]/pdf": ["GET"],
};

/** The pack's downloads beside it (/packs/2019-07.csv), rewritten to their route handler by next.config.ts. */
const REWRITTEN: { match: RegExp; methods: readonly HandlerMethod[] }[] = [
  { match: /^\/packs\/\d{4}-\d{2}\.(csv|xlsx|json)$/, methods: ["GET"] },
];

/** Next's own addresses (its scripts, images, and the development server's): Next answers for them. */
export const isNextInternal = (pathname: string) => /^\/(_next|__nextjs)/.test(pathname);

type Segment = { kind: "static"; text: string } | { kind: "param" } | { kind: "rest" };

const compile = (pattern: string): Segment[] =>
  pattern
    .split("/")
    .filter(Boolean)
    .map((s) => (s.startsWith("[...") ? { kind: "rest" } : s.startsWith("[") ? { kind: "param" } : { kind: "static", text: s }));

const ROUTES = [
  ...Object.entries(PAGES).map(([path, kind]) => ({
    page: true,
    segments: compile(path),
    methods: kind === "form" ? ["GET", "POST"] : ["GET"],
  })),
  ...Object.entries(ROUTE_HANDLERS).map(([path, methods]) => ({ page: false, segments: compile(path), methods: [...methods] })),
];

/** How well a route fits a path, or null: static segments beat a [param], which beats a [...rest] (as in Next). */
function fit(segments: Segment[], parts: string[]): number[] | null {
  const score: number[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s.kind === "rest") return parts.length > i ? [...score, 0] : null;
    if (i >= parts.length) return null;
    if (s.kind === "static" && s.text !== parts[i]) return null;
    score.push(s.kind === "static" ? 2 : 1);
  }
  return parts.length === segments.length ? score : null;
}

const better = (a: number[], b: number[]) => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] > b[i];
  return a.length > b.length;
};

export type FoundRoute = {
  /** A page (its posts are server actions), not a route handler. */
  page: boolean;
  /** The methods it takes, as an Allow header lists them: GET brings HEAD, and every address answers OPTIONS. */
  allow: string[];
};

/** What is at an address, or null when nothing is. */
export function findRoute(pathname: string): FoundRoute | null {
  let parts: string[];
  try {
    parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return null; // a malformed %-escape names no page
  }
  const rewritten = REWRITTEN.find((r) => r.match.test(pathname));
  let best: { score: number[]; page: boolean; methods: readonly string[] } | null = rewritten
    ? { score: [], page: false, methods: rewritten.methods }
    : null;
  if (!best) {
    for (const route of ROUTES) {
      const score = fit(route.segments, parts);
      if (score && (!best || better(score, best.score))) best = { score, page: route.page, methods: route.methods };
    }
  }
  if (!best) return null;
  const { methods } = best;
  return {
    page: best.page,
    allow: [...(methods.includes("GET") ? ["GET", "HEAD"] : []), ...methods.filter((m) => m !== "GET"), "OPTIONS"],
  };
}

/** The methods an address takes, or null when nothing is there. */
export const allowedMethods = (pathname: string): string[] | null => findRoute(pathname)?.allow ?? null;
