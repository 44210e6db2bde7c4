import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PAGES, ROUTE_HANDLERS, allowedMethods } from "@/lib/security/app-routes";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = path.join(ROOT, "app");

const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));

/** app/(app)/periods/[period]/page.tsx -> /periods/[period]: route groups add nothing to the address. */
const addressOf = (file: string) =>
  "/" +
  path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .join("/");

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : spec.startsWith(".") ? path.join(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const ext of ["", ".ts", ".tsx", "/index.ts", "/index.tsx"]) {
    const f = base + ext;
    if (fs.existsSync(f) && fs.statSync(f).isFile()) return f;
  }
  return null;
}

/** Whether a module, or anything it imports from app/ or components/, is a "use server" module. */
function reachesServerAction(file: string, seen = new Set<string>()): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  const source = fs.readFileSync(file, "utf8");
  if (/^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(source)) return true;
  for (const m of source.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
    const target = resolveImport(file, m[1]);
    if (target && /^(app|components)\//.test(path.relative(ROOT, target)) && reachesServerAction(target, seen)) return true;
  }
  return false;
}

/** A page and the layouts above it: a form in a layout would be on every page below it. */
function pageTakesPost(page: string): boolean {
  const files = [page];
  for (let dir = path.dirname(page); dir.startsWith(APP); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "layout.tsx"))) files.push(path.join(dir, "layout.tsx"));
  }
  return files.some((f) => reachesServerAction(f));
}

describe("the table of addresses", () => {
  const files = walk(APP);

  it("lists every page, and says POST for exactly those that reach a server action", () => {
    const pages = Object.fromEntries(
      files.filter((f) => f.endsWith("/page.tsx")).map((f) => [addressOf(f), pageTakesPost(f) ? "form" : "read"]),
    );
    expect(PAGES).toEqual(pages);
  });

  it("lists every route handler with the methods it exports", () => {
    const handlers = Object.fromEntries(
      files
        .filter((f) => f.endsWith("/route.ts"))
        .map((f) => {
          const source = fs.readFileSync(f, "utf8");
          const methods = [
            ...source.matchAll(
              /export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b|\bas (GET|POST|PUT|PATCH|DELETE)\b/g,
            ),
          ].map((m) => m[1] ?? m[2]);
          return [addressOf(f), methods.sort()];
        }),
    );
    expect(Object.fromEntries(Object.entries(ROUTE_HANDLERS).map(([k, v]) => [k, [...v].sort()]))).toEqual(handlers);
  });

  it("answers with the methods of the most specific match, and null for an address with nothing there", () => {
    expect(allowedMethods("/login/forgotten-password")).toEqual(["GET", "HEAD", "OPTIONS"]);
    // The sign-in form posts to its server action (issue 26: it works without JavaScript).
    expect(allowedMethods("/login")).toEqual(["GET", "HEAD", "POST", "OPTIONS"]);
    expect(allowedMethods("/packs/2019-07")).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(allowedMethods("/packs/2019-07/questions/new")).toEqual(["GET", "HEAD", "POST", "OPTIONS"]);
    expect(allowedMethods("/periods/2019-08/sections/demand")).toEqual(["GET", "HEAD", "POST", "OPTIONS"]);
    // A static segment wins over a [param]: "new" is the form, "/admin/users" a list.
    expect(allowedMethods("/admin/indicators")).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(allowedMethods("/periods/history-import")).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(allowedMethods("/api/periods/2019-08/imports")).toEqual(["POST", "OPTIONS"]);
    expect(allowedMethods("/api/auth/callback/credentials")).toEqual(["GET", "HEAD", "POST", "OPTIONS"]);
    expect(allowedMethods("/packs/2019-07.csv")).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(allowedMethods("/packs/2019-07/pdf")).toEqual(["GET", "HEAD", "OPTIONS"]);
    for (const nothing of ["/nowhere", "/api/periods/2019-08/import", "/api/auth", "/packs/2019-07/x/y", "/periods/2019-08/%E0"]) {
      expect(allowedMethods(nothing), nothing).toBeNull();
    }
  });
});
