// A page whose bytes never change, compressed once (Brotli and gzip) and served as a static file
// would be: the encoding the request accepts, a strong ETag per encoding, 304 for If-None-Match.
// Written to Node's response by lib/pack/delivery/serve-pack-request.ts, before Next sees the request.
// No "server-only": pure work on bytes and headers, unit-tested.
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export type Encoding = "br" | "gzip" | "identity";
export type EncodedPage = { etag: Record<Encoding, string>; body: Record<Encoding, Buffer> };

/**
 * The page's bytes in each encoding, off the main thread (zlib's thread pool). Brotli at its best
 * quality (11) for a published page, made once and served for months; a preview, made again after
 * every change, takes a faster quality.
 */
export async function encodePage(html: string, opts: { brotliQuality?: number } = {}): Promise<EncodedPage> {
  const identity = Buffer.from(html, "utf8");
  const [br, gz] = await Promise.all([
    brotli(identity, {
      params: {
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_QUALITY]: opts.brotliQuality ?? 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
    gzip(identity, { level: 9 }),
  ]);
  return encodedFromParts(pageHash(identity), { identity, br, gzip: gz });
}

/** The page's hash as its ETag uses it. */
export function pageHash(identity: Buffer): string {
  return createHash("sha256").update(identity).digest("base64url").slice(0, 32);
}

/** A page from stored parts: a strong ETag names one representation, so each encoding has its own. */
export function encodedFromParts(hash: string, body: Record<Encoding, Buffer>): EncodedPage {
  return { etag: { identity: `"${hash}"`, br: `"${hash}-br"`, gzip: `"${hash}-gz"` }, body };
}

/** Brotli if accepted, else gzip, else the bytes as they are (RFC 9110 12.5.3: q=0 means "not acceptable"). */
export function chooseEncoding(acceptEncoding: string | null | undefined): Encoding {
  if (!acceptEncoding) return "identity";
  const q = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const accepts = (name: string) => (q.get(name) ?? (q.has("*") ? q.get("*")! : 0)) > 0;
  if (accepts("br")) return "br";
  if (accepts("gzip") || accepts("x-gzip")) return "gzip";
  return "identity";
}

/** If-None-Match names this ETag (weak comparison, as RFC 9110 13.1.2 asks for GET), or is "*". */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

export type EncodedReply = { status: 200 | 304; headers: Record<string, string>; body: Buffer | null };

/** The answer to a request: 304 when the browser already holds these bytes, else them in the encoding it takes. */
export function encodedPageReply(
  page: EncodedPage,
  request: { acceptEncoding: string | null | undefined; ifNoneMatch: string | null | undefined },
  headers: Record<string, string>,
): EncodedReply {
  const encoding = chooseEncoding(request.acceptEncoding);
  const common: Record<string, string> = {
    ...headers,
    ETag: page.etag[encoding],
    Vary: headers.Vary ? `${headers.Vary}, Accept-Encoding` : "Accept-Encoding",
  };
  if (etagMatches(request.ifNoneMatch, page.etag[encoding])) return { status: 304, headers: common, body: null };
  const body = page.body[encoding];
  return {
    status: 200,
    headers: { ...common, "Content-Length": String(body.byteLength), ...(encoding === "identity" ? {} : { "Content-Encoding": encoding }) },
    body,
  };
}
