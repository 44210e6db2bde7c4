// Which exceptions still have no open action: what the section page asks a lead to record before
// submitting, and what the submit step then lists (it warns, and still submits). Pure.
import type { ActionStatus } from "./action-workflow";

type Exception = { code: string; name: string; exception: boolean; actions: { status: ActionStatus }[] };

export function exceptionsWithoutAction(exceptions: Exception[]): { code: string; name: string }[] {
  return exceptions.filter((e) => e.exception && !e.actions.some((a) => a.status === "OPEN")).map(({ code, name }) => ({ code, name }));
}
