// Posts to a page refused in proxy.ts before Next reads them, each with the status that says why,
// instead of a 500 and a stack trace from deep inside Next's server action handling. A post to a page
// is a server action (from a script, with a Next-Action header; or a form sent without JavaScript,
// multipart with an $ACTION_ field), and which pages take posts at all the HTTP server has already
// decided (lib/security/http-server-guard.ts, from lib/security/app-routes.ts). Here:
// - from another site's Origin: 403, or an Origin that is not a site's address: 400;
// - over the body limit, declared or counted as it arrives in chunks: 413 (Next would throw while
//   reading it, a 500);
// - a body Next cannot decode (multipart with no boundary or cut off, arguments that are not JSON or
//   point at parts that are not there) or naming an action this build does not have: 400, with one line
//   in the log (Next would throw, a 500, or answer 409 and log a stack trace).
import type { NextRequest } from "next/server";
// Relative, not "@/": next.config.ts loads this file (for ACTION_BODY_LIMIT), and its loader has no "@/" alias.
import { refuseForeignOrigin } from "./same-origin";
import { findRoute } from "./app-routes";
import { findReplyProblem, formActionIds, partsOf, readMultipart } from "./action-body";
import { isKnownActionId } from "./action-ids";

/** Next's own limit for server action bodies, set to the same in next.config.ts. */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
export const ACTION_BODY_LIMIT = "1mb";

function plain(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

export const MALFORMED_ACTION_MESSAGE = "This request is not one Scrutiny Pack's pages send, so nothing was done";

/** `knownAction` says whether this build has an action (the build's own list by default). */
export async function refuseBadRequest(request: NextRequest, knownAction = isKnownActionId): Promise<Response | null> {
  const { pathname } = request.nextUrl;
  if (request.method.toUpperCase() !== "POST" || !findRoute(pathname)?.page) return null;
  const actionId = request.headers.get("next-action");
  // As sent: the boundary in it is case-sensitive.
  const contentType = request.headers.get("content-type") ?? "";
  const multipart = contentType.toLowerCase().startsWith("multipart/form-data");
  // Anything else Next renders as the page (a post it does not take as an action).
  if (actionId === null && !multipart) return null;

  // Next's own check would throw (a 500 and a stack trace); the same rule, answered cleanly, and the one
  // the route handlers use (lib/security/same-origin.ts).
  const foreign = refuseForeignOrigin(request.headers);
  if (foreign) return plain(foreign.status, foreign.message);

  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > ACTION_BODY_LIMIT_BYTES) return tooLarge(request);
  const malformed = (reason: string) => {
    // One line: what was refused and why, never the body.
    console.warn(`Refused a malformed server action request to ${pathname}: ${reason}`);
    return plain(400, MALFORMED_ACTION_MESSAGE);
  };
  if (actionId !== null && !knownAction(actionId)) return malformed(`no action has the id ${JSON.stringify(actionId.slice(0, 64))}`);

  // A body sent in chunks declares no length: it is counted as it arrives, and reading stops at the limit.
  const body = await readUpTo(request.clone().body, ACTION_BODY_LIMIT_BYTES);
  if (body === null) return tooLarge(request);
  if (!multipart) {
    // A script's call sends its arguments as JSON text, React's reply format in one part.
    const problem = findReplyProblem(new Map([["0", new TextDecoder().decode(body)]]));
    return problem ? malformed(problem) : null;
  }
  const form = await readMultipart(contentType, body);
  if (!form) return malformed("a multipart body with no boundary, or cut off before its end");
  if (actionId !== null) {
    const problem = findReplyProblem(partsOf(form));
    return problem ? malformed(problem) : null;
  }
  // A form sent without JavaScript: not an action at all unless it names one.
  const { ids, problem } = formActionIds(form);
  if (problem) return malformed(problem);
  const unknown = ids.find((id) => !knownAction(id));
  return unknown === undefined ? null : malformed(`no action has the id ${JSON.stringify(unknown.slice(0, 64))}`);
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
