import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { chooseEncoding, encodePage, encodedPageReply, etagMatches } from "@/lib/pack/delivery/encoded-page";

const html = `<!DOCTYPE html><html><body><h1 id="pack-title">Pack</h1>${"<p>Referrals held steady, £ and é too.</p>".repeat(2000)}</body></html>`;

describe("a page encoded once", () => {
  it("decodes from Brotli and gzip to exactly the page's bytes, and is smaller", async () => {
    const page = await encodePage(html);
    expect(page.body.identity.equals(Buffer.from(html, "utf8"))).toBe(true);
    expect(zlib.brotliDecompressSync(page.body.br).equals(page.body.identity)).toBe(true);
    expect(zlib.gunzipSync(page.body.gzip).equals(page.body.identity)).toBe(true);
    expect(page.body.br.length).toBeLessThan(page.body.identity.length / 10);
  });

  it("has a strong ETag per encoding, the same for the same bytes and different for different ones", async () => {
    const a = await encodePage(html);
    const b = await encodePage(html);
    const c = await encodePage(html.replace("Pack", "Pack v2"));
    expect(a.etag).toEqual(b.etag);
    expect(new Set(Object.values(a.etag)).size).toBe(3);
    for (const tag of Object.values(a.etag)) expect(tag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(c.etag.identity).not.toBe(a.etag.identity);
    expect(c.etag.br).not.toBe(a.etag.br);
  });

  it("chooses Brotli, then gzip, then none, as Accept-Encoding allows", () => {
    expect(chooseEncoding(null)).toBe("identity");
    expect(chooseEncoding("")).toBe("identity");
    expect(chooseEncoding("gzip, br")).toBe("br");
    expect(chooseEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseEncoding("gzip, deflate")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(chooseEncoding("BR;Q=0, GZIP")).toBe("gzip");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("*;q=0")).toBe("identity");
    expect(chooseEncoding("gzip;q=0, *")).toBe("br");
    expect(chooseEncoding("deflate")).toBe("identity");
    expect(chooseEncoding("x-gzip")).toBe("gzip");
    expect(chooseEncoding("br;q=abc, gzip")).toBe("gzip");
  });

  it("matches If-None-Match by the entity tag, weak or strong, in a list, or *", () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", "abc"', '"abc"')).toBe(true);
    expect(etagMatches("*", '"abc"')).toBe(true);
    expect(etagMatches('"abc-br"', '"abc"')).toBe(false);
    expect(etagMatches(null, '"abc"')).toBe(false);
    expect(etagMatches("", '"abc"')).toBe(false);
  });

  it("answers with the chosen encoding, its length and ETag, and Vary on Accept-Encoding; 304 with no body when the browser holds it", async () => {
    const page = await encodePage(html);
    const headers = { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-cache", Vary: "Cookie" };
    const br = encodedPageReply(page, { acceptEncoding: "gzip, br", ifNoneMatch: null }, headers);
    expect(br.status).toBe(200);
    expect(br.headers["Content-Encoding"]).toBe("br");
    expect(br.headers.ETag).toBe(page.etag.br);
    expect(br.headers.Vary).toBe("Cookie, Accept-Encoding");
    expect(br.headers["Cache-Control"]).toBe("private, no-cache");
    expect(br.headers["Content-Length"]).toBe(String(br.body!.length));
    expect(zlib.brotliDecompressSync(br.body!).toString("utf8")).toBe(html);

    const plain = encodedPageReply(page, { acceptEncoding: null, ifNoneMatch: null }, headers);
    expect(plain.headers["Content-Encoding"]).toBeUndefined();
    expect(plain.body!.toString("utf8")).toBe(html);

    const again = encodedPageReply(page, { acceptEncoding: "gzip, br", ifNoneMatch: page.etag.br }, headers);
    expect(again.status).toBe(304);
    expect(again.headers.ETag).toBe(page.etag.br);
    expect(again.headers.Vary).toBe("Cookie, Accept-Encoding");
    expect(again.body).toBeNull();
    // The tag of another encoding is another representation: the full page in this one.
    expect(encodedPageReply(page, { acceptEncoding: "gzip", ifNoneMatch: page.etag.br }, headers).status).toBe(200);
  });
});
