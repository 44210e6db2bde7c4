// Commentary for the demo council's published months, written for the demo: a short factual
// opening from the figures and a sentence on what the service is doing, varying by section and month.
import { buildFiguresSummary, type SummaryFigure } from "@/lib/commentary/figures-summary";
import { isSuppressed } from "@/lib/judgement/suppression";

const ACTIONS: Record<string, string[]> = {
  demand: [
    "The front door is steady and decisions are being made on time.",
    "We are testing an Early Help triage at the front door to route families to the right support sooner.",
    "Demand follows the usual school-year pattern; we are watching re-referrals closely.",
    "Partner agencies have had refreshed threshold training this month.",
  ],
  "child-protection": [
    "Child protection chairs are tracking plans over 18 months to make sure they progress.",
    "Assessment timeliness is reviewed weekly by team managers.",
    "New social work teams are now embedded, which should help visiting rates.",
    "Strategy discussions are being held promptly and ICPCs scheduled within timescale where possible.",
  ],
  "corporate-parenting": [
    "Independent reviewing officers are tracking care plans so that children leave care when it is right for them.",
    "Placement stability remains a priority; the fostering recruitment campaign continues.",
    "Health assessments are being booked as soon as children come into care.",
    "We continue to look for permanence through special guardianship and adoption where it is in the child's interest.",
  ],
  "care-leavers": [
    "Personal advisers are in regular contact with almost all our care leavers.",
    "Our local offer has been refreshed with young people's help.",
    "Work with colleges and employers continues to open up education, training and work.",
    "Suitable accommodation remains a focus, with new supported lodgings coming on stream.",
  ],
};

export function demoCommentary(
  slug: string,
  monthIndex: number,
  figures: SummaryFigure[],
  monthLabel: string,
  previousLabel: string,
  lastYearLabel: string,
): string {
  // The biggest relative movements, leaving out small numbers the panel may not see.
  const moved = [...figures]
    .filter(
      (f) => f.previous !== null && f.current !== null && f.previous !== 0 && !isSuppressed(f.current, f) && !isSuppressed(f.previous, f),
    )
    .sort((a, b) => Math.abs((b.current! - b.previous!) / b.previous!) - Math.abs((a.current! - a.previous!) / a.previous!))
    .slice(0, 3);
  const summary = moved.length
    ? buildFiguresSummary(moved, monthLabel, previousLabel, lastYearLabel)
    : `Figures were broadly stable between ${previousLabel} and ${monthLabel}.`;
  const actions = ACTIONS[slug] ?? ["The service continues to monitor these measures."];
  return `${summary}\n\n${actions[monthIndex % actions.length]}`;
}
