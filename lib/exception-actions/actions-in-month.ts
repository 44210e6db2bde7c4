// Which actions a month shows, and how: carried from an earlier month, recorded this month, or
// resolved because the indicator has left the exceptions list. Pure, so the section page, the
// sign-off and the tests agree.
import type { ActionStatus } from "./action-workflow";

export type StoredAction = {
  id: string;
  fromMonth: string;
  description: string;
  ownerName: string;
  dueDate: Date;
  status: ActionStatus;
  droppedReason: string | null;
  closedMonth: string | null;
  endMonth: string | null;
  version: number;
};

/** Shown in `month`: recorded then or before, not ended by an earlier month's sign-off, not closed before it. */
export function isShownIn(a: Pick<StoredAction, "fromMonth" | "endMonth" | "closedMonth">, month: string): boolean {
  if (a.fromMonth > month) return false;
  if (a.endMonth !== null && a.endMonth < month) return false;
  return a.closedMonth === null || a.closedMonth >= month;
}

/** Months from `since` to `month`, both counted: March to July is 5. */
export function monthsOnList(since: string, month: string): number {
  const n = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return n(month) - n(since) + 1;
}
