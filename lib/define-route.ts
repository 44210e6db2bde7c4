// The one way to write a route handler, as lib/define-action.ts is for server actions: who is asking,
// with what permission, from which site (for a state-changing method), Next's async params awaited,
// and an unexpected error logged and answered without its internals. Each route says how it refuses
// (a JSON body, a page, a redirect to sign in); what the handler expects to go wrong stays its own.
import "server-only";
import type { NextRequest } from "next/server";
import { unstable_rethrow } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can, type Action } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { ERROR_STATUS, isAppError } from "@/lib/errors";
import { GENERIC_ERROR } from "@/lib/action-result";
import { refuseCrossSite } from "@/lib/security/same-origin";

/** A route's dynamic segments, e.g. `{ period: string }`; none by default. */
export type RouteParams = Record<string, string | string[]>;
export type NoParams = Record<string, never>;

/**
 * Why a request gets no answer from the handler: signed out (401), without the permission (403), from
 * another site (403) or with an Origin that is not an address (400), an AppError the handler threw
 * (its status from ERROR_STATUS), or an unexpected error (500, with GENERIC_ERROR: never its details).
 */
export type Refusal = { status: number; message: string; fieldErrors: Record<string, string> };

export type RouteContext<P> = { request: NextRequest; params: P };

export type RouteHandler<P> = (request: NextRequest, context: { params: Promise<P> }) => Promise<Response>;

type Answer = Response | Promise<Response>;

type CommonSpec<P> = {
  /**
   * Refuse a request from another site: another host's Origin (403), an Origin that is not an address
   * (400), a cross-site Sec-Fetch-Site (403). By default for every method but GET, HEAD and OPTIONS.
   */
  sameOrigin?: boolean;
  /** How this route says no, in its own format; by default a JSON `{ error }` (jsonRefusal). */
  refuse?: (refusal: Refusal, context: RouteContext<P>) => Response;
  /** Log only an unexpected error's stack, none of its properties: for a body of personal data (a parser's copy of it). */
  logStackOnly?: boolean;
};

export type SignedInRouteSpec<P> = CommonSpec<P> & {
  /** What the user must be allowed to do (lib/auth/permissions.ts), or a rule of the route's own. */
  permission: Action | ((user: SessionUser) => boolean);
  /** Who is asking; by default the session's user. */
  session?: () => Promise<SessionUser | null>;
  handler: (context: RouteContext<P> & { user: SessionUser }) => Answer;
};

export type PublicRouteSpec<P> = CommonSpec<P> & {
  /** Anyone: the handler (or the domain function it calls) decides, e.g. packs readable signed out. */
  permission: "public";
  /** Who is asking, if anyone; `false` when the route never needs to know (the session is not read). */
  session?: (() => Promise<SessionUser | null>) | false;
  handler: (context: RouteContext<P> & { user: SessionUser | null }) => Answer;
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The default refusal: a small JSON body, never cached. */
export function jsonRefusal({ status, message }: Refusal): Response {
  return Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });
}

/** A refusal as one line of plain text, never cached (feeds and links followed by other programs). */
export function textRefusal({ status, message }: Refusal): Response {
  return new Response(`${message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

export function defineRoute<P extends RouteParams = NoParams>(spec: PublicRouteSpec<P>): RouteHandler<P>;
export function defineRoute<P extends RouteParams = NoParams>(spec: SignedInRouteSpec<P>): RouteHandler<P>;
export function defineRoute<P extends RouteParams>(spec: PublicRouteSpec<P> | SignedInRouteSpec<P>): RouteHandler<P> {
  return async (request, { params }) => {
    const context: RouteContext<P> = { request, params: await params };
    const refuse = (status: number, message: string, fieldErrors: Record<string, string> = {}) =>
      (spec.refuse ?? jsonRefusal)({ status, message, fieldErrors }, context);
    try {
      const user = spec.session === false ? null : await (spec.session ?? getCurrentUser)();
      if (spec.permission !== "public") {
        if (!user) return refuse(401, "You need to sign in");
        const allowed = typeof spec.permission === "function" ? spec.permission(user) : can(user.role, spec.permission);
        if (!allowed) return refuse(403, "You do not have access to do that");
      }
      if (spec.sameOrigin ?? !SAFE_METHODS.has(request.method.toUpperCase())) {
        const crossSite = refuseCrossSite(request.headers);
        if (crossSite) return refuse(crossSite.status, crossSite.message);
      }
      // The overloads pair each permission with its handler: a signed-in route's user is never null here.
      return await (spec.handler as (c: RouteContext<P> & { user: SessionUser | null }) => Answer)({ ...context, user });
    } catch (e) {
      // redirect(), notFound() and Next's other signals work by throwing: they are Next's to answer.
      unstable_rethrow(e);
      if (isAppError(e)) return refuse(ERROR_STATUS[e.code] ?? 400, e.message, e.fieldErrors);
      console.error(`${request.method} ${request.nextUrl.pathname}: unexpected error`, spec.logStackOnly ? stackOf(e) : e);
      return refuse(500, GENERIC_ERROR);
    }
  };
}

const stackOf = (e: unknown) => (e instanceof Error ? e.stack : String(e));
