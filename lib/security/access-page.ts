// A page that refuses with forbidden() or notFound() is answered by Next.js with an empty document,
// `<html id="__next_error__">`, whose text only scripts fill in (vercel/next.js#62228: React's server
// renderer has no error boundaries). With JavaScript off, or before it loads, the page is blank. An
// address that matches no page is rendered in full. So the HTTP server watches each browser's request
// for a page (an address in app-routes.ts) on its way through Next: when Next answers it 403 or 404 in
// HTML, which from a page is always that shell, the first render's output is dropped and the same request
// is handed to Next once more, in this process (no loopback, nothing on the network), marked with a
// per-process token. proxy.ts rewrites the marked request to an address that matches no page, so Next
// renders app/not-found.tsx on the server, which draws the 403 or the 404 text from the mark. The
// browser's address, the cookies, the header and navigation and a fresh Content-Security-Policy nonce
// are the second render's own; the status is the first one's. The decision is made on the status and
// headers, before any body: the body below Next's compression may already be gzip.
// Everything else (pages, addresses that match nothing, client navigations, actions) passes untouched.
// No "server-only": the HTTP server's guard loads it from instrumentation.
import http from "node:http";
import { randomBytes, timingSafeEqual } from "node:crypto";

/** Marks the second render: `<process token>:<status>`. Anyone else's value is ignored. */
export const ACCESS_PAGE_HEADER = "x-scrutiny-access-page";
/** Where proxy.ts rewrites the marked request: no page, so Next renders app/not-found.tsx. */
export const ACCESS_PAGE_PATH = "/__access-page";
const TOKEN_ENV = "SCRUTINY_ACCESS_PAGE_TOKEN";

function token(): string {
  // In the environment, so proxy.ts and the pages (bundled apart, same process) read the same value.
  return (process.env[TOKEN_ENV] ??= randomBytes(18).toString("base64url"));
}

/** For proxy.ts and the 404 page: the status the second render is for, or null for any other request. */
export function accessPageStatus(headers: Headers): 403 | 404 | null {
  const value = headers.get(ACCESS_PAGE_HEADER);
  const expected = process.env[TOKEN_ENV];
  if (!value || !expected) return null;
  const [given = "", status] = value.split(":");
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  return status === "403" ? 403 : status === "404" ? 404 : null;
}

/** A browser asking for a page: not a client navigation's RSC fetch, a server action or the second render itself. */
function isDocumentGet(req: http.IncomingMessage): boolean {
  const h = req.headers;
  return req.method === "GET" && !h.rsc && !h["next-action"] && !h[ACCESS_PAGE_HEADER] && (h.accept ?? "").includes("text/html");
}

/** The same request again, marked: a GET has no body, so nothing is lost. */
function markedCopy(req: http.IncomingMessage, status: 403 | 404): http.IncomingMessage {
  const copy = new http.IncomingMessage(req.socket);
  copy.method = "GET";
  copy.url = req.url;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.headers = { ...req.headers, [ACCESS_PAGE_HEADER]: `${token()}:${status}` };
  copy.rawHeaders = Object.entries(copy.headers).flatMap(([k, v]) => (Array.isArray(v) ? v.flatMap((x) => [k, x]) : [k, String(v)]));
  copy.complete = true;
  copy.push(null);
  return copy;
}

const WRITERS = ["writeHead", "write", "end", "flushHeaders"] as const;

/** A response for the second render that keeps what it is given: status, headers and body. */
function capturingResponse(req: http.IncomingMessage, done: (status: number, headers: http.OutgoingHttpHeaders, body: Buffer) => void) {
  const res = new http.ServerResponse(req);
  const chunks: Buffer[] = [];
  const own = res as unknown as Record<string, unknown>;
  const keep = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(toBuffer(chunk, encoding));
  };
  own.writeHead = (statusCode: number, ...rest: unknown[]) => {
    res.statusCode = statusCode;
    setHeaders(res, rest);
    return res;
  };
  own.flushHeaders = () => {};
  own.write = (chunk: unknown, encoding?: unknown, cb?: unknown) => {
    keep(chunk, encoding);
    const callback = typeof encoding === "function" ? encoding : cb;
    if (typeof callback === "function") process.nextTick(callback);
    return true;
  };
  own.end = (chunk?: unknown, encoding?: unknown, cb?: unknown) => {
    keep(chunk, encoding);
    const callback = [chunk, encoding, cb].find((x) => typeof x === "function");
    done(res.statusCode, res.getHeaders(), Buffer.concat(chunks));
    if (typeof callback === "function") process.nextTick(callback);
    // The render waits for its response to close before it lets go.
    process.nextTick(() => res.emit("close"));
    return res;
  };
  return res;
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  return Buffer.from(chunk as Uint8Array);
}

function setHeaders(res: http.ServerResponse, writeHeadRest: unknown[]) {
  const headers = writeHeadRest.find((r) => r && typeof r === "object");
  if (Array.isArray(headers))
    for (let i = 0; i + 1 < headers.length; i += 2) res.appendHeader(String(headers[i]), headers[i + 1] as string);
  else if (headers) for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v as string);
}

/**
 * Called before a request for a page goes on to Next. `dispatch` hands a request to Next (the server's
 * own "request" event). Returns at once; acts only if Next answers a browser's page request 403 or 404.
 * Its writers stay in place for the whole response, below whatever Next wraps around them (its
 * compression): passing on means calling the writers that were there before, never the ones above.
 */
export function renderAccessPagesOnServer(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  dispatch: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): void {
  token();
  if (!isDocumentGet(req)) return;
  const below = Object.fromEntries(WRITERS.map((name) => [name, (res[name] as (...a: unknown[]) => unknown).bind(res)])) as Record<
    (typeof WRITERS)[number],
    (...a: unknown[]) => unknown
  >;
  const own = res as unknown as Record<string, unknown>;
  let state: "deciding" | "passed" | "replaced" = "deciding";
  const passed = () => state === "passed";

  const replace = () => {
    state = "replaced";
    const status = res.statusCode as 403 | 404;
    // The first render goes on into nothing; the second is kept whole, then sent with the first's status.
    dispatch(
      markedCopy(req, status),
      capturingResponse(req, (_status, headers, body) => {
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        for (const [name, value] of Object.entries(headers))
          if (value !== undefined && name !== "content-length") res.setHeader(name, value);
        res.setHeader("content-length", body.length);
        below.writeHead(status);
        below.end(body);
      }),
    );
  };
  // Decided when the status is first sent: by then Next has set it and the content type.
  const decide = () => {
    if (state !== "deciding") return;
    const type = String(res.getHeader("content-type") ?? "");
    if ((res.statusCode === 403 || res.statusCode === 404) && type.startsWith("text/html")) replace();
    else state = "passed";
  };

  own.writeHead = function (statusCode: number, ...rest: unknown[]) {
    if (state === "deciding") {
      res.statusCode = statusCode;
      setHeaders(res, rest);
      decide();
      return passed() ? below.writeHead(statusCode) : res;
    }
    return state === "passed" ? below.writeHead(statusCode, ...rest) : res;
  };
  own.flushHeaders = function () {
    decide();
    if (passed()) below.flushHeaders();
  };
  own.write = function (chunk: unknown, encoding?: unknown, cb?: unknown) {
    decide();
    if (passed()) return below.write(chunk, encoding, cb);
    const callback = typeof encoding === "function" ? encoding : cb;
    if (typeof callback === "function") process.nextTick(callback);
    return true;
  };
  own.end = function (chunk?: unknown, encoding?: unknown, cb?: unknown) {
    decide();
    if (passed()) return below.end(chunk, encoding, cb);
    const callback = [chunk, encoding, cb].find((x) => typeof x === "function");
    if (typeof callback === "function") process.nextTick(callback);
    return res;
  };
}
