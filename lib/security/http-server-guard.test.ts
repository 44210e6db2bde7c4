import http from "node:http";
import { describe, expect, it } from "vitest";
import { stripUntrustedForwarding, trustedProxies } from "@/lib/security/forwarded-headers";
import { answerMethod, installHttpServerGuard, routeRequest } from "@/lib/security/http-server-guard";

const forwarded = () => ({
  "x-forwarded-host": "evil.example",
  "x-forwarded-for": "203.0.113.9",
  "x-forwarded-proto": "https",
  forwarded: "for=203.0.113.9",
  "x-real-ip": "203.0.113.9",
  host: "app.example",
});

describe("forwarding headers", () => {
  it("are kept only from a trusted proxy's address, IPv4 over IPv6 included", () => {
    const trusted = trustedProxies(" 10.0.0.5, ::1 ");
    const from = (remoteAddress: string) => {
      const req = { headers: forwarded(), socket: { remoteAddress } } as unknown as http.IncomingMessage;
      stripUntrustedForwarding(req, trusted);
      return req.headers;
    };
    expect(from("::ffff:10.0.0.5")).toEqual(forwarded());
    expect(from("::1")).toEqual(forwarded());
    expect(from("127.0.0.1")).toEqual({ host: "app.example" });
    expect(trustedProxies(undefined).size).toBe(0);
  });

  it("are removed before a real HTTP server's handler sees them when no proxy is trusted, and TRACE is 405", async () => {
    installHttpServerGuard(trustedProxies(""));
    const server = http.createServer((req, res) => res.end(JSON.stringify(req.headers)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as { port: number };
      const seen = (await (
        await fetch(`http://127.0.0.1:${port}/`, { headers: { "X-Forwarded-Host": "evil.example", "X-Forwarded-For": "203.0.113.9" } })
      ).json()) as http.IncomingHttpHeaders;
      expect(seen["x-forwarded-host"]).toBeUndefined();
      expect(seen["x-forwarded-for"]).toBeUndefined();
      expect(seen.host).toBe(`127.0.0.1:${port}`);
      const trace = await new Promise<number>((resolve, reject) => {
        http
          .request({ host: "127.0.0.1", port, method: "TRACE", path: "/" }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          })
          .on("error", reject)
          .end();
      });
      expect(trace).toBe(405);
    } finally {
      server.close();
    }
  });
});

describe("the front handler", () => {
  const request = (method: string, url: string) =>
    ({ method, url, headers: {}, socket: { remoteAddress: "127.0.0.1" } }) as unknown as http.IncomingMessage;
  const response = () => ({ headersSent: false }) as unknown as http.ServerResponse;
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it("answers what it wants and passes on, unchanged, what it leaves, what it fails on, and everything else", async () => {
    const seen: string[] = [];
    const front = {
      wants: (req: http.IncomingMessage) => req.url!.startsWith("/packs/"),
      serve: (req: http.IncomingMessage) => {
        seen.push(`front ${req.url}`);
        if (req.url === "/packs/fail") return Promise.reject(new Error("broken"));
        return Promise.resolve(req.url === "/packs/answered");
      },
    };
    for (const url of ["/packs/answered", "/packs/left", "/packs/fail", "/login"]) {
      routeRequest(request("GET", url), response(), { trusted: new Set(), front, dispatch: () => void seen.push(`next ${url}`) });
    }
    await settle();
    expect(seen).toEqual([
      "front /packs/answered",
      "front /packs/left",
      "front /packs/fail",
      "next /login",
      "next /packs/left",
      "next /packs/fail",
    ]);
  });

  it("never hands Next a request the front handler has begun to answer", async () => {
    const next: string[] = [];
    const res = response();
    routeRequest(request("GET", "/packs/x"), res, {
      trusted: new Set(),
      front: {
        wants: () => true,
        serve: () => {
          (res as { headersSent: boolean }).headersSent = true;
          return Promise.reject(new Error("failed while sending"));
        },
      },
      dispatch: () => void next.push("next"),
    });
    await settle();
    expect(next).toEqual([]);
  });
});

describe("methods, answered before Next reads a body", () => {
  it("an unknown address is 404 for anything but GET and HEAD, which go on to Next's own 404 page", () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"]) {
      expect(answerMethod(method, "/nowhere"), method).toMatchObject({ status: 404 });
      // A mistyped upload route.
      expect(answerMethod(method, "/api/periods/2019-08/import"), method).toMatchObject({ status: 404 });
    }
    expect(answerMethod("GET", "/nowhere")).toBeNull();
    expect(answerMethod("HEAD", "/nowhere?x=1")).toBeNull();
  });

  it("a page without a form is 405 to a POST, with an Allow that lists only what it takes; one with a form takes it", () => {
    for (const path of ["/login/forgotten-password", "/packs/2019-07", "/admin/audit", "/periods/2019-08/sections/demand/history"]) {
      expect(answerMethod("POST", path), path).toEqual({ status: 405, allow: "GET, HEAD, OPTIONS", message: "POST is not allowed here" });
    }
    for (const path of ["/periods/2019-08/sections/demand", "/packs/2019-07/questions/new", "/account/password", "/login"]) {
      expect(answerMethod("POST", path), path).toBeNull();
      expect(answerMethod("PUT", path), path).toMatchObject({ status: 405, allow: "GET, HEAD, POST, OPTIONS" });
    }
    expect(answerMethod("TRACE", "/")).toMatchObject({ status: 405, allow: "GET, HEAD, OPTIONS" });
    expect(answerMethod("GET", "/api/history-imports")).toMatchObject({ status: 405, allow: "POST, OPTIONS" });
    expect(answerMethod("POST", "/api/history-imports")).toBeNull();
  });

  it("OPTIONS is 204 with what the address takes", () => {
    expect(answerMethod("OPTIONS", "/packs/2019-07")).toEqual({ status: 204, allow: "GET, HEAD, OPTIONS" });
    expect(answerMethod("OPTIONS", "/periods/2019-08/values")).toEqual({ status: 204, allow: "GET, HEAD, POST, OPTIONS" });
    expect(answerMethod("OPTIONS", "/api/periods/2019-08/imports")).toEqual({ status: 204, allow: "POST, OPTIONS" });
  });

  it("leaves Next's own addresses to Next", () => {
    expect(answerMethod("GET", "/_next/static/chunks/x.js")).toBeNull();
    expect(answerMethod("POST", "/__nextjs_original-stack-frames")).toBeNull();
  });

  it("answers a 1 MB POST to an unknown address 404 on a real HTTP server without reading it", async () => {
    installHttpServerGuard(trustedProxies(""));
    let reached = false;
    const server = http.createServer((_req, res) => {
      reached = true;
      res.end("next");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as { port: number };
      const res = await fetch(`http://127.0.0.1:${port}/nowhere`, {
        method: "POST",
        headers: { "Content-Type": "multipart/form-data; boundary=x" },
        body: "x".repeat(1_100_000),
      });
      expect(res.status).toBe(404);
      expect(await res.text()).toBe("There is nothing at this address\n");
      const options = await fetch(`http://127.0.0.1:${port}/packs/2019-07`, { method: "OPTIONS" });
      expect(options.status).toBe(204);
      expect(options.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
      expect(reached).toBe(false);
    } finally {
      server.close();
    }
  });
});
