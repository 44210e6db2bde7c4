import http from "node:http";
import { describe, expect, it } from "vitest";
import { stripUntrustedForwarding, trustedProxies } from "@/lib/security/forwarded-headers";
import { installHttpServerGuard } from "@/lib/security/http-server-guard";

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
