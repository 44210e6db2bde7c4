import http from "node:http";
import { describe, expect, it } from "vitest";
import { stripUntrustedForwarding, trustedProxies } from "@/lib/security/forwarded-headers";
import { installHttpServerGuard, routeRequest } from "@/lib/security/http-server-guard";

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
      routeRequest(request("GET", url), response(), { trusted: new Set(), front, next: () => void seen.push(`next ${url}`) });
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
      next: () => void next.push("next"),
    });
    await settle();
    expect(next).toEqual([]);
  });
});
