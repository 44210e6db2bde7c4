// How a recommendation is named and how its response deadline reads, in words (and the symbols every
// deadline here carries), for the pack, the tracker and emails alike.
import { formatDate } from "@/lib/format/dates";

export const recommendationName = (r: { number: number; meetingDate: string | Date }) =>
  `Recommendation ${r.number} of ${formatDate(r.meetingDate)}`;

/** The anchor of a recommendation in the pack's "Recommendations" part. */
export const recommendationAnchor = (r: { number: number; meetingDate: string | Date }) =>
  `rec-${(typeof r.meetingDate === "string" ? r.meetingDate : r.meetingDate.toISOString()).slice(0, 10)}-${r.number}`;

export type ResponseDueState = { overdue: boolean; text: string; symbol: "○" | "✗" };

/**
 * "Response due 22 October 2019", or "Response overdue: due 22 October 2019" once `asOf` (a day,
 * yyyy-mm-dd) is past it. The symbol is decoration; the words carry the meaning.
 */
export function responseDueState(responseDue: string, asOf: string): ResponseDueState {
  const overdue = asOf > responseDue;
  return overdue
    ? { overdue, text: `Response overdue: it was due ${formatDate(responseDue)}`, symbol: "✗" }
    : { overdue, text: `Response due ${formatDate(responseDue)}`, symbol: "○" };
}
