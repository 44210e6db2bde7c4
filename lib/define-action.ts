// The one way to write a server action: parse the input with zod, require a signed-in user with the
// permission, call one domain function, and map what it throws to { ok, message, fieldErrors }.
// The domain function still checks for itself (and narrows: a section's owners, a state); this is
// the front door, because an action is a public POST endpoint whatever page it sits on.
import "server-only";
import { redirect } from "next/navigation";
import { refresh } from "next/cache";
import type { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { assertCan, type Action } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { AppError, isAppError } from "@/lib/errors";
import { failure, formValues, invalid, type ActionResult } from "@/lib/action-result";

/** After success: go to another page (a GOV.UK "post, redirect, get"), or answer the form. */
export type Done<T> = { redirect: string } | { data: T; message?: string; values?: Record<string, string> };

export type ActionSpec<S extends z.ZodType, R, T, X extends object, U extends SessionUser> = {
  schema: S;
  /** What the user must be allowed to do (see lib/auth/permissions.ts), possibly by what was posted. */
  permission: Action | ((input: z.output<S>) => Action);
  /** The domain function. */
  run: (user: U, input: z.output<S>) => Promise<R>;
  done: (result: R, input: z.output<S>) => Done<T>;
  /** After a refusal, e.g. re-read the page so a conflict shows what is stored now; may add to the answer. */
  refused?: (e: unknown, input: z.output<S>) => Partial<X> | void;
  /** Send the typed values back (after a refusal, so the form shows them again), unless `done` says otherwise. Never for passwords. */
  keepValues?: boolean;
  /** Who is asking; by default the session's user. */
  session?: () => Promise<U | null>;
  /** What a signed-out visitor is told, when the form can say something more useful than "sign in". */
  signedOut?: string;
};

export type ActionState<T = undefined, X extends object = object> = ActionResult<T, X> | null;

/** An action called with a plain object (from a client component's own code, e.g. autosave). */
export function defineAction<S extends z.ZodType, R, T = undefined, X extends object = object, U extends SessionUser = SessionUser>(
  spec: ActionSpec<S, R, T, X, U>,
): (raw: unknown) => Promise<ActionResult<T, X>> {
  return async (raw) => {
    const values = spec.keepValues && raw && typeof raw === "object" ? stringValues(raw as Record<string, unknown>) : undefined;
    const answer = (result: ActionResult<T, X>): ActionResult<T, X> => ({ ...result, ...(values ? { values } : {}), at: Date.now() });
    let user: U | null;
    try {
      user = await (spec.session ?? (getCurrentUser as () => Promise<U | null>))();
      if (!user) throw new AppError("UNAUTHENTICATED", spec.signedOut ?? "You need to sign in");
    } catch (e) {
      return answer(failure(e));
    }
    const parsed = spec.schema.safeParse(raw);
    if (!parsed.success) return answer(invalid(parsed.error));
    const input = parsed.data;
    let done: Done<T>;
    try {
      assertCan(user, typeof spec.permission === "function" ? spec.permission(input) : spec.permission);
      done = spec.done(await spec.run(user, input), input);
    } catch (e) {
      const extra = spec.refused?.(e, input);
      return answer({ ...failure(e), ...extra });
    }
    // redirect() works by throwing, so it runs outside the try.
    if ("redirect" in done) redirect(done.redirect);
    const kept = done.values ?? values;
    return {
      ok: true,
      data: done.data,
      ...(done.message ? { message: done.message } : {}),
      ...(kept ? { values: kept } : {}),
      at: Date.now(),
    };
  };
}

/** An action for a form: `useActionState(action, null)`; reads the form's text fields by default. */
export function formAction<S extends z.ZodType, R, T = undefined, X extends object = object, U extends SessionUser = SessionUser>(
  spec: ActionSpec<S, R, T, X, U> & { read?: (form: FormData) => Record<string, unknown> },
): (prev: ActionState<T, X>, form: FormData) => Promise<ActionResult<T, X>> {
  const act = defineAction(spec);
  return async (_prev, form) => act((spec.read ?? formValues)(form));
}

/** For `refused`: a stale page is re-read, so the form shows what is stored now beside the message. */
export function refreshOnConflict(e: unknown): void {
  if (isAppError(e) && e.code === "CONFLICT") refresh();
}

function stringValues(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === "string") out[k] = v;
  return out;
}
