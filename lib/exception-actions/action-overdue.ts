// When an action on an exception is overdue: still open after its due date. Pure, judged against
// the app's "today" (deadlineToday(), pinned by DEADLINES_TODAY for the demo), so every list of
// actions agrees. A due date is a whole day: an action due today is not yet overdue. An action on
// an exception that has left the list is resolved, so it is never overdue.
import type { ActionStatus } from "./action-workflow";

export function isActionOverdue(a: { status: ActionStatus; dueDate: Date | string }, today: string, resolved = false): boolean {
  const due = typeof a.dueDate === "string" ? a.dueDate.slice(0, 10) : a.dueDate.toISOString().slice(0, 10);
  return !resolved && a.status === "OPEN" && due < today;
}

/** The words and symbol every page shows for an overdue action (the symbol only repeats the words). */
export const OVERDUE = { label: "Overdue", symbol: "⚠" } as const;
