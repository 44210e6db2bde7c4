// The start every upload route handler shares (a month's values, Annex A lists, a history file, DfE's
// files): answer JSON to the upload form's script or a client, redirect a plain form post, and check
// who is asking, with what permission, from which site, before a byte of the body is read.
import "server-only";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can, type Action } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";

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
 * The signed-in user with `action`, or the refusal to send. A form post from another site is refused
 * (the session cookie is SameSite=Lax, and this says no as well), as is an Origin that is not an address.
 */
export async function checkUploader(
  request: Request,
  action: Action,
  { refuse }: Pick<UploadAnswers, "refuse">,
): Promise<SessionUser | Response> {
  const user = await getCurrentUser();
  if (!user) return refuse(401, "You need to sign in");
  if (!can(user.role, action)) return refuse(403, "You do not have access to do that");
  const origin = request.headers.get("origin");
  if (origin && !URL.canParse(origin)) return refuse(400, "The request's Origin header is not an address");
  if (origin && new URL(origin).host !== request.headers.get("host")) return refuse(403, "This upload did not come from Scrutiny Pack");
  return user;
}
