// The period lifecycle as data: which action moves a month's pack from which states to which, who
// may take it, and in which states its figures and commentary may change. The domain functions
// (lib/pack/lifecycle: sign-off, publication, amendment; every edit through lock-period.ts), the
// period page and every list of states elsewhere (derived at the end of this file) read this table.
import type { PeriodStatus } from "@/lib/generated/prisma/enums";
import type { Role } from "@/lib/generated/prisma/enums";
import { can, type Action } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { formatMonth } from "@/lib/format/dates";

export type PeriodAction = "signOff" | "publish" | "amend";

type Transition = {
  from: readonly PeriodStatus[];
  to: PeriodStatus;
  permission: Action;
  /** Why the action is refused in a state not in `from`, in words for the director. */
  refusal: (month: string, status: PeriodStatus) => string;
};

export const PERIOD_TRANSITIONS: Record<PeriodAction, Transition> = {
  signOff: {
    from: ["OPEN", "AMENDING"],
    to: "SIGNED_OFF",
    permission: "pack.signOff",
    refusal: (m) => `The ${formatMonth(m)} pack is already signed off`,
  },
  publish: {
    from: ["SIGNED_OFF"],
    to: "PUBLISHED",
    permission: "pack.publish",
    refusal: (m, s) =>
      s === "PUBLISHED"
        ? `The ${formatMonth(m)} pack is already published`
        : `The ${formatMonth(m)} pack must be signed off before it can be published`,
  },
  amend: { from: ["PUBLISHED"], to: "AMENDING", permission: "pack.amend", refusal: () => "Only a published pack can be amended" },
};

export const PERIOD_STATES: readonly PeriodStatus[] = ["OPEN", "SIGNED_OFF", "PUBLISHED", "AMENDING", "HISTORY"];
export const PERIOD_ACTIONS = Object.keys(PERIOD_TRANSITIONS) as PeriodAction[];

/** Values and commentary change only while the pack is not frozen: before sign-off, or during an amendment. */
export const EDITABLE_STATES: readonly PeriodStatus[] = ["OPEN", "AMENDING"];

export function isPeriodEditable(status: PeriodStatus): boolean {
  return EDITABLE_STATES.includes(status);
}

/**
 * A history month (loaded by a history import, before the first month opened) has figures only: an
 * administrator may correct them, with revisions, but it takes no commentary and has no pack.
 */
export const FIGURES_EDITABLE_STATES: readonly PeriodStatus[] = [...EDITABLE_STATES, "HISTORY"];

export function areFiguresEditable(status: PeriodStatus): boolean {
  return FIGURES_EDITABLE_STATES.includes(status);
}

/** Frozen: a signed-off or published pack, whose figures no one may change until an amendment. */
export const FROZEN_STATES: readonly PeriodStatus[] = PERIOD_STATES.filter((s) => !areFiguresEditable(s));

/**
 * A month's live figures stand as signed: edits are refused (a frozen pack), or it is a history month,
 * whose figures count as published. The rest (open, being amended) have figures nobody has vouched for.
 */
export const SIGNED_STATES: readonly PeriodStatus[] = PERIOD_STATES.filter((s) => !isPeriodEditable(s));

/**
 * A pack on its way to publication: the states from which the table leads to PUBLISHED without
 * passing through it (open, signed off, being amended): the months reminders look at.
 */
export const AWAITING_PUBLICATION_STATES: readonly PeriodStatus[] = statesLeadingTo("PUBLISHED");

/** The states from which some run of transitions reaches `target`, walking the table backwards (`target` itself left out). */
function statesLeadingTo(target: PeriodStatus): PeriodStatus[] {
  const found = new Set<PeriodStatus>();
  const reached = [target];
  while (reached.length) {
    const to = reached.pop()!;
    for (const t of Object.values(PERIOD_TRANSITIONS)) {
      if (t.to !== to) continue;
      for (const from of t.from) {
        if (from === target || found.has(from)) continue;
        found.add(from);
        reached.push(from);
      }
    }
  }
  return PERIOD_STATES.filter((s) => found.has(s));
}

export function assertFiguresEditable(period: { month: string; status: PeriodStatus }): void {
  if (areFiguresEditable(period.status)) return;
  assertPeriodEditable(period);
}

/** The one guard for frozen packs: once signed off, a period changes only through a formal amendment. */
export function assertPeriodEditable(period: { month: string; status: PeriodStatus }): void {
  if (isPeriodEditable(period.status)) return;
  if (period.status === "HISTORY") {
    throw new AppError(
      "INVALID_TRANSITION",
      `${formatMonth(period.month)} is a history month: it holds figures only, with no commentary or pack.`,
    );
  }
  throw new AppError(
    "INVALID_TRANSITION",
    `The ${formatMonth(period.month)} pack is signed off, so its figures and commentary cannot change. The director must start an amendment first.`,
  );
}

export type PeriodPlan = { ok: true; to: PeriodStatus } | { ok: false; reason: "NOT_ALLOWED" | "WRONG_STATE"; message: string };

/** Pure: what happens when someone with `role` takes `action` on a period in `status`. */
export function planPeriodTransition(
  role: Role | null | undefined,
  period: { month: string; status: PeriodStatus },
  action: PeriodAction,
): PeriodPlan {
  const t = PERIOD_TRANSITIONS[action];
  if (!can(role, t.permission)) return { ok: false, reason: "NOT_ALLOWED", message: "You do not have access to do that" };
  if (!t.from.includes(period.status)) return { ok: false, reason: "WRONG_STATE", message: t.refusal(period.month, period.status) };
  return { ok: true, to: t.to };
}

/** Inside the transaction, on the locked row: the new status, or the error that refuses the action. */
export function assertPeriodTransition(role: Role, period: { month: string; status: PeriodStatus }, action: PeriodAction): PeriodStatus {
  const plan = planPeriodTransition(role, period, action);
  if (!plan.ok) throw new AppError(plan.reason === "NOT_ALLOWED" ? "FORBIDDEN" : "INVALID_TRANSITION", plan.message);
  return plan.to;
}

/** What this user may do to this period now, in table order; the period page shows a form for each. */
export function availablePeriodActions(
  user: { role: Role } | null | undefined,
  period: { month: string; status: PeriodStatus },
): PeriodAction[] {
  return PERIOD_ACTIONS.filter((action) => planPeriodTransition(user?.role, period, action).ok);
}
