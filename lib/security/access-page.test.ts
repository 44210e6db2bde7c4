// The HTTP server's replacement of Next's empty 403/404 shell, on a real HTTP server whose handler
// plays Next: the empty shell for a page that refused, a full page when asked again with the mark.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { ACCESS_PAGE_HEADER, accessPageStatus, renderAccessPagesOnServer } from "@/lib/security/access-page";

// Next compresses each answer by wrapping the response's writers (its own copy of "compression"): the
// fallback sits below that wrapping, and the first version of it, which took the writers back, broke
// every page (the answer never ended).
type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;
const compression = createRequire(import.meta.url)("next/dist/compiled/compression") as (opts?: object) => Middleware;
const compress = compression({ threshold: 0 });

const SHELL = '<!DOCTYPE html><html id="__next_error__"><head></head><body></body></html>';
const renders: string[] = [];

function playNext(req: http.IncomingMessage, res: http.ServerResponse) {
  compress(req, res, () => render(req, res));
}

function render(req: http.IncomingMessage, res: http.ServerResponse) {
  const asked = accessPageStatus(new Headers(req.headers as Record<string, string>));
  const path = new URL(req.url ?? "/", "http://x").pathname;
  renders.push(`${path}${asked ? ` marked ${asked}` : ""}`);
  res.setHeader("content-security-policy", asked ? "script-src 'nonce-second'" : "script-src 'nonce-first'");
  res.setHeader("content-type", "text/html; charset=utf-8");
  if (asked) {
    // As Next renders a page that matches no address: status 404 whatever was refused.
    res.statusCode = 404;
    res.flushHeaders();
    res.write("<!DOCTYPE html><html><body><main><h1>");
    res.end(asked === 403 ? "You do not have access to this page</h1></main></body></html>" : "Page not found</h1></main></body></html>");
    return;
  }
  if (path === "/refused" || path === "/missing") {
    res.setHeader("x-first-render-only", "yes");
    res.statusCode = path === "/refused" ? 403 : 404;
    res.flushHeaders();
    res.write(SHELL.slice(0, 20));
    // The first render goes on writing after the decision: all of it must vanish.
    setTimeout(() => {
      res.write(SHELL.slice(20));
      res.end("<!-- late -->");
    }, 20);
  } else if (path === "/real-404") {
    res.writeHead(404, { "content-type": "text/html" }).end("<html><body>A real 404 page</body></html>");
  } else if (path === "/streamed") {
    res.flushHeaders();
    res.write("<html><body>A page ");
    setTimeout(() => res.end("streamed in parts</body></html>"), 10);
  } else res.end("<html><body>A page</body></html>");
}

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    // As the HTTP server's guard does, only for an address that is a page: Next renders an address that
    // matches nothing in full.
    if (!req.url?.startsWith("/real-404")) renderAccessPagesOnServer(req, res, playNext);
    playNext(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const page = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers: { accept: "text/html,application/xhtml+xml", ...headers } });

describe("a 403 or 404 Next leaves empty", () => {
  it("is answered with the page rendered on the server, with its own status, headers and policy, in the same process", async () => {
    renders.length = 0;
    const refused = await page("/refused");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-security-policy")).toBe("script-src 'nonce-second'");
    expect(refused.headers.get("x-first-render-only")).toBeNull();
    expect(await refused.text()).toBe("<!DOCTYPE html><html><body><main><h1>You do not have access to this page</h1></main></body></html>");
    const missing = await page("/missing");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("<h1>Page not found</h1>");
    expect(renders).toEqual(["/refused", "/refused marked 403", "/missing", "/missing marked 404"]);
  });

  it("leaves every other answer as it was: a page, a streamed page, a real 404, a client navigation's fetch", async () => {
    expect(await (await page("/fine")).text()).toBe("<html><body>A page</body></html>");
    expect(await (await page("/streamed")).text()).toBe("<html><body>A page streamed in parts</body></html>");
    const real = await page("/real-404");
    expect([real.status, await real.text()]).toEqual([404, "<html><body>A real 404 page</body></html>"]);
    const navigation = await page("/refused", { rsc: "1" });
    expect([navigation.status, await navigation.text()]).toEqual([403, `${SHELL}<!-- late -->`]);
  });

  it("works under Next's compression: pages arrive whole and compressed, the 403 whole", async () => {
    const gzip = { "accept-encoding": "gzip" };
    const fine = await page("/streamed", gzip);
    expect(fine.headers.get("content-encoding")).toBe("gzip");
    expect(await fine.text()).toBe("<html><body>A page streamed in parts</body></html>");
    const refused = await page("/refused", gzip);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("<h1>You do not have access to this page</h1>");
  });

  it("keeps the connection usable for the next request on it", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        http
          .get(`${base}${path}`, { agent, headers: { accept: "text/html" } }, (res) => {
            let body = "";
            res.on("data", (c: Buffer) => (body += c.toString()));
            res.on("end", () => resolve({ status: res.statusCode!, body }));
          })
          .on("error", reject);
      });
    expect((await get("/refused")).status).toBe(403);
    expect(await get("/fine")).toEqual({ status: 200, body: "<html><body>A page</body></html>" });
    agent.destroy();
  });

  it("ignores a mark without this process's token", async () => {
    expect(accessPageStatus(new Headers({ [ACCESS_PAGE_HEADER]: "guess:403" }))).toBeNull();
    const forged = await page("/refused", { [ACCESS_PAGE_HEADER]: "guess:403" });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toBe(`${SHELL}<!-- late -->`);
  });
});
