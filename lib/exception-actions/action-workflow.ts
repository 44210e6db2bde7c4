// The status of an action on an exception, as data: which change moves it from which statuses to
// which. change-exception-action.ts is the one function that applies it; a test walks the table.
import type { ExceptionActionStatus } from "@/lib/generated/prisma/enums";

export type ActionStatus = ExceptionActionStatus;
/** "record" creates the action; the rest change one. */
export type ActionChange = "record" | "edit" | "complete" | "drop" | "reopen";

type Transition = { from: readonly (ActionStatus | "NONE")[]; to: ActionStatus | "SAME" };

export const ACTION_TRANSITIONS: Record<ActionChange, Transition> = {
  record: { from: ["NONE"], to: "OPEN" },
  edit: { from: ["OPEN"], to: "SAME" },
  complete: { from: ["OPEN"], to: "DONE" },
  drop: { from: ["OPEN"], to: "DROPPED" },
  reopen: { from: ["DONE", "DROPPED"], to: "OPEN" },
};

export const ACTION_STATUSES: readonly ActionStatus[] = ["OPEN", "DONE", "DROPPED"];
export const ACTION_CHANGES = Object.keys(ACTION_TRANSITIONS) as ActionChange[];

export const ACTION_STATUS_LABEL: Record<ActionStatus, string> = { OPEN: "Open", DONE: "Done", DROPPED: "Dropped" };
export const ACTION_STATUS_TAG_CLASS: Record<ActionStatus, string> = {
  OPEN: "govuk-tag--blue",
  DONE: "govuk-tag--green",
  DROPPED: "govuk-tag--grey",
};

const CHANGE_WORDS: Record<ActionChange, string> = {
  record: "record",
  edit: "change",
  complete: "mark as done",
  drop: "drop",
  reopen: "reopen",
};

export type ActionPlan = { ok: true; to: ActionStatus } | { ok: false; message: string };

/** Pure: what `change` does to an action in `status` ("NONE" before it exists). */
export function planActionChange(status: ActionStatus | "NONE", change: ActionChange): ActionPlan {
  const t = ACTION_TRANSITIONS[change];
  if (!t) return { ok: false, message: `Unknown change to an action: ${change}` };
  if (!t.from.includes(status)) {
    return {
      ok: false,
      message:
        status === "NONE"
          ? "That action does not exist"
          : `You cannot ${CHANGE_WORDS[change]} an action that is ${ACTION_STATUS_LABEL[status].toLowerCase()}`,
    };
  }
  return { ok: true, to: t.to === "SAME" ? (status as ActionStatus) : t.to };
}
