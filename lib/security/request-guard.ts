// Requests refused in proxy.ts before anything renders, each with the status that says why, instead
// of a 500 and a stack trace from deep inside Next (or a page served to a method it does not take):
// - TRACE, TRACK and CONNECT anywhere: 405;
// - PUT, DELETE and PATCH on a page (route handlers answer for their own methods), POST on a pack page
//   (not its questions pages, which hold the ask form): 405;
// - a server action from another site's Origin: 403, or an Origin that is not an address: 400;
// - a server action over the body limit, declared or counted as it arrives in chunks: 413 (Next would
//   throw while reading it, a 500);
// - a server action whose arguments are not JSON: 400 (Next would throw while decoding them).
import type { NextRequest } from "next/server";
// Relative, not "@/": next.config.ts loads this file (for ACTION_BODY_LIMIT), and its loader has no "@/" alias.
import { refuseForeignOrigin } from "./same-origin";

/** Next's own limit for server action bodies, set to the same in next.config.ts. */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
export const ACTION_BODY_LIMIT = "1mb";

const NEVER = new Set(["TRACE", "TRACK", "CONNECT"]);
const PAGE_METHODS = ["GET", "HEAD", "POST", "OPTIONS"];

function plain(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

export async function refuseBadRequest(request: NextRequest): Promise<Response | null> {
  const method = request.method.toUpperCase();
  const isApi = request.nextUrl.pathname.startsWith("/api/");
  // The pack pages hold no forms, so a POST to one is never a server action: refused rather than rendered.
  // The panel's question pages beside them (/packs/YYYY-MM/questions/...) do: the ask form posts there.
  const packPage =
    /^\/packs(\/|$)/.test(request.nextUrl.pathname) && !/^\/packs\/\d{4}-\d{2}\/questions(\/|$)/.test(request.nextUrl.pathname);
  if (NEVER.has(method) || (!isApi && !PAGE_METHODS.includes(method)) || (packPage && method === "POST")) {
    return plain(405, `${method} is not allowed here`, { Allow: isApi || packPage ? "GET, HEAD" : PAGE_METHODS.join(", ") });
  }
  if (method !== "POST" || !request.headers.has("next-action")) return null;

  // Next's own check would throw (a 500 and a stack trace); the same rule, answered cleanly, and the one
  // the route handlers use (lib/security/same-origin.ts).
  const foreign = refuseForeignOrigin(request.headers);
  if (foreign) return plain(foreign.status, foreign.message);

  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > ACTION_BODY_LIMIT_BYTES) {
    return tooLarge(request);
  }
  const isJson = (request.headers.get("content-type") ?? "").toLowerCase().startsWith("text/plain");
  // A body sent in chunks declares no length: it is counted as it arrives, and reading stops at the limit.
  if (!Number.isFinite(declared) || isJson) {
    const body = await readUpTo(request.clone().body, ACTION_BODY_LIMIT_BYTES);
    if (body === null) return tooLarge(request);
    // A script's call sends its arguments as JSON text (a form post sends multipart, checked by Next).
    if (isJson) {
      try {
        JSON.parse(new TextDecoder().decode(body));
      } catch {
        return plain(400, "The request's body is not valid JSON");
      }
    }
  }
  return null;
}

/** The body's bytes, or null as soon as there are more than `limit` of them (the rest is never read). */
export async function readUpTo(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: cancelling one branch of a cloned (teed) body settles only once the other
      // branch is cancelled too, which for the request Next still holds is never.
      reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The length rule, in words a person can act on: the form shows it too, before sending. */
function tooLarge(request: NextRequest): Response {
  const message =
    "What you sent is larger than 1 MB, so it was not saved. Commentary must be 20,000 characters or fewer: go back, shorten the text and save it again.";
  if ((request.headers.get("accept") ?? "").includes("text/html")) {
    const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Too large to save</title></head><body><main><h1>Too large to save</h1><p>${message}</p></main></body></html>`;
    return new Response(html, { status: 413, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
  }
  return plain(413, message);
}
