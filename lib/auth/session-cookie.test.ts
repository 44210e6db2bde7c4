// Issue 25, item 3: on https the session cookie is `__Host-` (Secure, Path=/, no Domain), so a sibling
// subdomain cannot plant one; on http (development, the browser tests) it keeps the plain name. The
// sign-in goes through next-auth's own handler, and the cookie it sets is read back by the app's
// readers, which accept no other name.
import fs from "node:fs";
import path from "node:path";
import NextAuth from "next-auth";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { findAccountOfCookies } from "@/lib/auth/current-user";
import { sessionCookie, sessionCookieName } from "@/lib/auth/session-cookie";
import { createTestUser } from "@/test/factories";

const PASSWORD = "a-long-test-password";
const SITE = "https://scrutiny.example";

/** One request through next-auth's own handler (its Pages API form: no Next.js request scope needed). */
async function callNextAuth(route: string[], init: { method: string; body?: Record<string, string>; cookies?: Record<string, string> }) {
  const headers = new Map<string, string | string[]>();
  let body: unknown;
  const res = {
    status: () => res,
    setHeader: (k: string, v: string | string[]) => headers.set(k.toLowerCase(), v),
    getHeader: (k: string) => headers.get(k.toLowerCase()),
    end: () => undefined,
    json: (b: unknown) => (body = b),
    send: (b: unknown) => (body = b),
  };
  const req = {
    method: init.method,
    query: { nextauth: route },
    body: init.body ?? {},
    cookies: init.cookies ?? {},
    headers: { host: "scrutiny.example" },
  };
  await (NextAuth as unknown as (req: unknown, res: unknown, options: unknown) => Promise<void>)(req, res, authOptions);
  const setCookies = [headers.get("set-cookie") ?? []].flat();
  return { body, setCookies };
}

/** Signs in as the browser would: fetch the CSRF token and its cookie, then post the form. */
async function signInThroughNextAuth(email: string): Promise<string[]> {
  const csrf = await callNextAuth(["csrf"], { method: "GET" });
  const cookies = Object.fromEntries(
    csrf.setCookies.map((c) => c.split(";")[0].split("=")).map(([k, ...v]) => [k, decodeURIComponent(v.join("="))]),
  );
  const { csrfToken } = csrf.body as { csrfToken: string };
  return (
    await callNextAuth(["callback", "credentials"], {
      method: "POST",
      cookies,
      body: { csrfToken, email, password: PASSWORD, json: "true" },
    })
  ).setCookies;
}

const readAs = async (name: string, value: string) => (await findAccountOfCookies([{ name, value }]))?.user ?? null;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the session cookie", () => {
  it("is __Host- on https: set so by next-auth, and the only name the app reads", async () => {
    vi.stubEnv("NEXTAUTH_URL", SITE);
    vi.stubEnv("NEXTAUTH_SECRET", "a-test-secret-that-is-long-enough-0123456789");
    const u = await createTestUser("DIRECTOR", { password: PASSWORD });
    const setCookies = await signInThroughNextAuth(u.email);
    const header = setCookies.find((c) => c.includes("session-token"));
    // Exactly what the browser is told: the prefix, Secure, Path=/, and no Domain.
    expect(header).toMatch(/^__Host-next-auth\.session-token=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/);
    expect(header).not.toMatch(/Domain=/i);
    const value = header!.split(";")[0].slice("__Host-next-auth.session-token=".length);

    expect(await readAs("__Host-next-auth.session-token", value)).toMatchObject({ id: u.id });
    // A cookie planted under the names a sibling subdomain can set is not read.
    expect(await readAs("__Secure-next-auth.session-token", value)).toBeNull();
    expect(await readAs("next-auth.session-token", value)).toBeNull();
  });

  it("keeps the plain name on http, where browsers refuse the prefixes without Secure", () => {
    expect(sessionCookieName({ NEXTAUTH_URL: "http://localhost:3000" })).toBe("next-auth.session-token");
    expect(sessionCookie({ NEXTAUTH_URL: "http://localhost:3000" }).options.secure).toBe(false);
    expect(sessionCookieName({})).toBe("next-auth.session-token");
    expect(sessionCookie({ NEXTAUTH_URL: SITE })).toEqual({
      name: "__Host-next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
  });

  it("is named by every reader of the token in the app (getToken otherwise looks for __Secure-)", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const files = [
      "proxy.ts",
      ...["app", "lib", "pages"].flatMap((dir) => listSource(path.join(root, dir)).map((f) => path.relative(root, f))),
    ];
    const calls = files.flatMap((file) => {
      const source = fs.readFileSync(path.join(root, file), "utf8");
      return [...source.matchAll(/getToken\(\{([\s\S]*?)\}\)/g)].map((m) => ({ file, args: m[1] }));
    });
    expect(calls.length).toBeGreaterThanOrEqual(1);
    for (const { file, args } of calls) expect(args, file).toContain("cookieName: sessionCookieName()");
    // The pages' and the stored pack's reader (findAccountOfCookies) picks the token out itself.
    const picks = files.flatMap((file) =>
      [...fs.readFileSync(path.join(root, file), "utf8").matchAll(/sessionTokenOf\(([^;]*?)\);/g)].map((m) => ({ file, args: m[1] })),
    );
    expect(picks.map((p) => p.file)).toEqual(["lib/auth/current-user.ts"]);
    for (const { file, args } of picks) expect(args, file).toMatch(/, sessionCookieName\(\)$/);
  });
});

function listSource(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : listSource(full);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}
