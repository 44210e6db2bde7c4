// The PDF is printed from the stored page's bytes by a real Chromium, with no server and no session:
// every request the page might make is refused, so nothing reaches a server (here, one that counts).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPdfFromHtml } from "@/lib/pack/delivery/pdf-render";

let server: http.Server;
let origin = "";
const requests: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url} cookie=${req.headers.cookie ?? ""}`);
    res.end("x");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const page = (body: string) =>
  `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>t</title><style>h1{color:#0b0c0c}</style></head><body>${body}</body></html>`;

describe("printing a stored pack page", () => {
  it("makes a tagged PDF from the HTML alone, and no request leaves the page", async () => {
    const pdf = await renderPdfFromHtml(
      page(
        `<link rel="stylesheet" href="/pack-style/abc.css"><h1 id="pack-title">Performance pack, July 2019</h1><p>Figures.</p>` +
          `<img src="${origin}/tracker.png" alt=""><link rel="stylesheet" href="${origin}/styles.css"><iframe src="${origin}/frame"></iframe>`,
      ),
      { "/pack-style/abc.css": { contentType: "text/css", body: "p { color: #0b0c0c }" } },
    );
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain("/StructTreeRoot");
    expect(requests).toEqual([]);
  }, 60_000);

  it("refuses a page that is not a pack page", async () => {
    await expect(renderPdfFromHtml(page("<h1>Sign in</h1>"))).rejects.toThrow(/not a pack page/);
  }, 60_000);
});
