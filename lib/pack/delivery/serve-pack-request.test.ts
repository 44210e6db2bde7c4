// The published pack answered on the HTTP server before Next, on a real database: a real HTTP server
// whose "Next" is a stand-in that says it was reached. Stored bytes for a reader who may read them,
// in the encoding asked for, with the page's own security headers and no nonce; everything else
// (signed out, not found, a version staff see before publication) passed on untouched.
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { startSession } from "@/lib/auth/user-sessions";
import { isPackPageRequest, servePackRequest } from "@/lib/pack/delivery/serve-pack-request";
import { storePackPages } from "@/lib/pack/delivery/stored-pack-pages";
import { packStylesheetHref } from "@/lib/pack/render/pack-css";
import { createPack } from "@/test/pack-fixtures-db";
import { createTestUser, uniqueMonth } from "@/test/factories";
import type { Role } from "@/lib/generated/prisma/enums";

const secret = "a-test-secret-that-is-long-enough-for-next-auth-0123456789";
let server: http.Server;
let origin = "";

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_SECRET", secret);
  server = http.createServer((req, res) => {
    void (async () => {
      if (isPackPageRequest(req) && (await servePackRequest(req, res))) return;
      res.writeHead(299, { "x-reached": "next" });
      res.end("next");
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function cookieFor(role: Role): Promise<string> {
  const user = await createTestUser(role);
  const { sid } = await startSession(user.id);
  return `next-auth.session-token=${await encode({ token: { uid: user.id, sid }, secret, maxAge: 3600 })}`;
}

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
const get = (path: string, headers: Record<string, string> = {}, method = "GET") =>
  new Promise<Raw>((resolve, reject) => {
    const req = http.request(new URL(path, origin), { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });

describe("serving a published pack page before Next", () => {
  it("sends the stored bytes, in the encoding asked for, with an ETag, 304 on a repeat, and a policy that lets no script run", async () => {
    const month = uniqueMonth();
    const { ids } = await createPack(month, [{ published: true }]);
    await storePackPages([month]);
    const cookie = await cookieFor("PANEL_MEMBER");
    const stored = await db.storedPackPage.findUniqueOrThrow({
      where: { packVersionId_audience: { packVersionId: ids[0], audience: "PANEL_MEMBER" } },
    });

    const plain = await get(`/packs/${month}`, { cookie });
    expect(plain.status).toBe(200);
    expect(plain.body.equals(zlib.gunzipSync(stored.gzip))).toBe(true);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["content-security-policy"]).toMatch(/script-src 'none';/);
    expect(plain.headers["content-security-policy"]).not.toContain("nonce");
    expect(plain.headers["x-frame-options"]).toBe("DENY");
    expect(plain.headers["cache-control"]).toBe("private, no-store");
    expect(plain.headers.vary).toBe("Cookie, Accept-Encoding");

    const br = await get(`/packs/${month}`, { cookie, "accept-encoding": "gzip, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.body.equals(Buffer.from(stored.br))).toBe(true);
    expect(zlib.brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect((await get(`/packs/${month}`, { cookie, "accept-encoding": "gzip" })).headers["content-encoding"]).toBe("gzip");
    expect((await get(`/packs/${month}`, { cookie, "accept-encoding": "gzip, br", "if-none-match": br.headers.etag! })).status).toBe(304);
    const head = await get(`/packs/${month}?version=1&utm_source=mail`, { cookie }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers.etag).toBe(plain.headers.etag);
  });

  it("passes on, untouched, whatever Next must answer", async () => {
    const month = uniqueMonth();
    await createPack(month, [{ published: true }, { published: false }]);
    await storePackPages([month]);
    const panel = await cookieFor("PANEL_MEMBER");
    const director = await cookieFor("DIRECTOR");
    const reachedNext = async (path: string, cookie?: string, method = "GET") =>
      (await get(path, cookie ? { cookie } : {}, method)).headers["x-reached"] === "next";
    expect(await reachedNext(`/packs/${month}`)).toBe(true); // signed out: the sign-in redirect
    expect(await reachedNext(`/packs/${month}`, "next-auth.session-token=forged")).toBe(true);
    expect(await reachedNext(`/packs/${uniqueMonth()}`, panel)).toBe(true); // not found
    expect(await reachedNext(`/packs/${month}?version=2`, panel)).toBe(true); // not found for the panel
    expect(await reachedNext(`/packs/${month}?version=2`, director)).toBe(true); // staff, before publication
    expect(await reachedNext(`/packs/${month}?version=abc`, panel)).toBe(true);
    expect(await reachedNext(`/packs/${month}/pdf`, panel)).toBe(true);
    expect(await reachedNext(`/packs/${month}`, panel, "POST")).toBe(true);
    // And the published version is still served to the director, from the stored bytes.
    expect(await reachedNext(`/packs/${month}`, director)).toBe(false);
  });
});

describe("the pack pages' stylesheet", () => {
  it("is served to anyone under its key, compressed once, cached for a year; another key is passed on", async () => {
    const href = packStylesheetHref();
    const css = await get(href, { "accept-encoding": "br" });
    expect(css.status).toBe(200);
    expect(css.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(css.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(zlib.brotliDecompressSync(css.body).toString("utf8")).toContain(".govuk-template");
    const other = await get("/pack-style/000000000000000000000000.css");
    expect(other.headers["x-reached"]).toBe("next");
  });
});
