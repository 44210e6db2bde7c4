// What every upload route handler shares (a month's values, Annex A lists, a history file, DfE's
// files): answer JSON to the upload form's script or a client, redirect a plain form post, and, through
// the route wrapper, check who is asking, with what permission, from which site, before a byte of the
// body is read.
import "server-only";
import type { NextRequest } from "next/server";
import type { Action } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { defineRoute, type NoParams, type RouteContext, type RouteHandler, type RouteParams } from "@/lib/define-route";

export type UploadAnswers = ReturnType<typeof uploadAnswers>;

/** `refusedAt` is where a plain form post goes back to when refused (by default the upload page). */
export function uploadAnswers(request: Request, page: string, refusedAt: (message: string) => string = () => page) {
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const json = (status: number, body: Record<string, unknown>) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
  const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
  const refuse = (status: number, message: string) => (wantsJson ? json(status, { ok: false, message }) : seeOther(refusedAt(message)));
  return { wantsJson, json, seeOther, refuse };
}

/**
 * An upload route: defineRoute with the permission and the same-site check, whose refusals (signed
 * out, no access, another site, an AppError, an unexpected error) are the upload's own answers.
 */
export function defineUploadRoute<P extends RouteParams = NoParams>(spec: {
  permission: Action;
  answers: (request: NextRequest, params: P) => UploadAnswers;
  handler: (context: RouteContext<P> & { user: SessionUser; answers: UploadAnswers }) => Promise<Response>;
  logStackOnly?: boolean;
}): RouteHandler<P> {
  return defineRoute<P>({
    permission: spec.permission,
    sameOrigin: true,
    logStackOnly: spec.logStackOnly,
    refuse: ({ status, message }, { request, params }) => spec.answers(request, params).refuse(status, message),
    handler: (context) => spec.handler({ ...context, answers: spec.answers(context.request, context.params) }),
  });
}
