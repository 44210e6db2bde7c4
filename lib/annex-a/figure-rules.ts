// The 28 figures the Annex A lists give, each as data: the list and columns it reads, the span of
// the lists it needs, whether it reads columns that hold only the latest value, the rule in words
// (shown with the figure) and the counting itself. Spec: docs/annex-a-figures.md (a copy of the issue's ../shared/specs/annex-a-figures.md).
// Change a rule here and ANNEX_A_RULES_VERSION changes with it (rules-version.test.ts holds them together).
import { ageOn, firstOfMonthBefore, sameDayMonthsBefore, workingDaysFrom, type Day } from "@/lib/annex-a/calendar";
import { childrenWith, dayIn, distinctEvents, earliest, isCount, isDay, openRecords, share, type Share } from "@/lib/annex-a/groups";
import type { ListData, ListRow } from "@/lib/annex-a/read-annex-a";
import { INVALID, firstWord, reasonCeasedCode } from "@/lib/annex-a/read-values";

export const ANNEX_A_RULES_VERSION = "2026-12.1";

export type FigureContext = {
  S: Day;
  E: Day;
  list: (n: number) => ListData;
  /** A timescale that ends before it starts: a data-quality error on that row's end date. */
  flagEndBeforeStart: (list: number, row: ListRow, column: string) => void;
};

/** month: events in M need the lists from S; year: the 12 months to E; rereferral: 12 months before S. */
export type Coverage = "month" | "year" | "rereferral" | null;

export type FigureRule = {
  code: string;
  kind: "count" | "percent" | "rate";
  list: number;
  columns: string[];
  coverage: Coverage;
  /** Columns that hold only the latest value: computed only when the lists are as at E ("last visits"). */
  latestOnly: string | null;
  /** What the numerator and denominator count, for "363 of 428 assessments". */
  of: string;
  rule: string;
  count: (ctx: FigureContext) => number | Share;
};

const rows = (ctx: FigureContext, n: number) => ctx.list(n).rows;
const yearFrom = (ctx: FigureContext) => firstOfMonthBefore(ctx.S, 11);

const eventsInMonth = (list: number, key: string) => (ctx: FigureContext) => distinctEvents(rows(ctx, list), key, ctx.S, ctx.E).size;

/** Of the month's (child, end) events with a valid start (the earliest, for one child's several rows), the share within `limit` working days. */
const timescale = (list: number, startKey: string, endKey: string, endColumn: string, limit: number) => (ctx: FigureContext): Share => {
  const group: number[] = [];
  for (const e of distinctEvents(rows(ctx, list), endKey, ctx.S, ctx.E).values()) {
    const start = earliest(e.rows, startKey);
    if (!start) continue;
    if (start.day > e.day) { ctx.flagEndBeforeStart(list, start.row, endColumn); continue; }
    group.push(workingDaysFrom(start.day, e.day));
  }
  return share(group, (days) => days <= limit);
};

const ceasedInMonth = (codes: string[]) => (ctx: FigureContext) =>
  childrenWith(rows(ctx, 8), "end", ctx.S, ctx.E, (r) => codes.includes(reasonCeasedCode(r.v.reason as string | null) ?? "")).size;

/** Former relevant care leavers aged 19 to 21 on E, less those who died: each child's first such row. */
function careLeavers(ctx: FigureContext): ListRow[] {
  const byChild = new Map<string, ListRow>();
  for (const r of rows(ctx, 9)) {
    if (byChild.has(r.child) || !/^(FORMER RELEVANT|FRC\b)/.test((r.v.eligibility as string | null) ?? "")) continue;
    if (!isDay(r.v.dob)) continue;
    const age = ageOn(r.v.dob, ctx.E);
    if (age < 19 || age > 21 || firstWord(r.v.inTouch as string | null) === "DIED") continue;
    byChild.set(r.child, r);
  }
  return [...byChild.values()];
}

const IN_EET = new Set(["F1", "P1", "F2", "P2", "F3", "P3"]);

export const FIGURE_RULES: FigureRule[] = [
  { code: "CONTACTS", kind: "count", list: 1, columns: ["contact"], coverage: "month", latestOnly: null, of: "contacts",
    rule: "Distinct (child, Date of Contact) with the date in the month.", count: eventsInMonth(1, "contact") },
  { code: "REFERRALS", kind: "count", list: 3, columns: ["referral"], coverage: "month", latestOnly: null, of: "referrals",
    rule: "Distinct (child, Date of Referral) with the date in the month.", count: eventsInMonth(3, "referral") },
  { code: "REFERRALS_RATE_10K", kind: "rate", list: 3, columns: ["referral"], coverage: "year", latestOnly: null, of: "referrals in the 12 months",
    rule: "Distinct (child, Date of Referral) from the first day of the month 11 months before to the month's last day, per 10,000 children aged 0 to 17.",
    count: (ctx) => distinctEvents(rows(ctx, 3), "referral", yearFrom(ctx), ctx.E).size },
  { code: "REREFERRALS_12M_PCT", kind: "percent", list: 3, columns: ["referral"], coverage: "rereferral", latestOnly: null, of: "referrals",
    rule: "Of the month's referrals, the percentage whose child has another referral dated on or after the same day 12 months earlier and before this one.",
    count: (ctx) => {
      const byChild = new Map<string, Day[]>();
      for (const r of rows(ctx, 3)) if (isDay(r.v.referral)) byChild.set(r.child, [...(byChild.get(r.child) ?? []), r.v.referral]);
      return share(distinctEvents(rows(ctx, 3), "referral", ctx.S, ctx.E).values(), (e) => {
        const from = sameDayMonthsBefore(e.day, 12);
        return byChild.get(e.child)!.some((d) => d >= from && d < e.day);
      });
    } },
  { code: "ASSESSMENTS_COMPLETED", kind: "count", list: 4, columns: ["auth"], coverage: "month", latestOnly: null, of: "assessments",
    rule: "Distinct (child, Continuous Assessment Date of Authorisation) with the date in the month.", count: eventsInMonth(4, "auth") },
  { code: "ASSESS_45WD_PCT", kind: "percent", list: 4, columns: ["start", "auth"], coverage: "month", latestOnly: null, of: "assessments",
    rule: "Of the month's completed assessments with a valid start date (the earliest, where one child has several rows with the same date of authorisation), the percentage authorised within 45 working days of the start. One authorised before it started is a data-quality error, left out.",
    count: timescale(4, "start", "auth", "Continuous Assessment Date of Authorisation", 45) },
  { code: "S47_STARTED", kind: "count", list: 5, columns: ["strategy"], coverage: "month", latestOnly: null, of: "section 47 enquiries",
    rule: "Distinct (child, strategy discussion date) with the date in the month.", count: eventsInMonth(5, "strategy") },
  { code: "ICPC_HELD", kind: "count", list: 5, columns: ["icpc"], coverage: "month", latestOnly: null, of: "initial child protection conferences",
    rule: "Distinct (child, Date of Initial Child Protection Conference) with the date in the month.", count: eventsInMonth(5, "icpc") },
  { code: "ICPC_15WD_PCT", kind: "percent", list: 5, columns: ["strategy", "icpc"], coverage: "month", latestOnly: null, of: "initial child protection conferences",
    rule: "Of the month's ICPCs with a valid strategy discussion date (the earliest, where one child has several rows with the same ICPC date), the percentage held within 15 working days of the strategy discussion.",
    count: timescale(5, "strategy", "icpc", "Date of Initial Child Protection Conference", 15) },
  { code: "CIN_NEW", kind: "count", list: 6, columns: ["start"], coverage: "month", latestOnly: null, of: "children",
    rule: "Distinct children with a CIN Start Date in the month.", count: (ctx) => childrenWith(rows(ctx, 6), "start", ctx.S, ctx.E).size },
  { code: "CIN_OPEN", kind: "count", list: 6, columns: ["start", "end"], coverage: null, latestOnly: null, of: "children in need",
    rule: "Distinct children with an episode open on the month's last day.", count: (ctx) => openRecords(rows(ctx, 6), ctx.E).size },
  { code: "CIN_RATE_10K", kind: "rate", list: 6, columns: ["start", "end"], coverage: null, latestOnly: null, of: "children in need",
    rule: "Children in need on the month's last day per 10,000 children aged 0 to 17.", count: (ctx) => openRecords(rows(ctx, 6), ctx.E).size },
  { code: "CP_PLANS", kind: "count", list: 7, columns: ["start", "end"], coverage: null, latestOnly: null, of: "children with a plan",
    rule: "Distinct children with a child protection plan open on the month's last day.", count: (ctx) => openRecords(rows(ctx, 7), ctx.E).size },
  { code: "CP_RATE_10K", kind: "rate", list: 7, columns: ["start", "end"], coverage: null, latestOnly: null, of: "children with a plan",
    rule: "Children with a child protection plan on the month's last day per 10,000 children aged 0 to 17.", count: (ctx) => openRecords(rows(ctx, 7), ctx.E).size },
  { code: "CP_REPEAT_PCT", kind: "percent", list: 7, columns: ["start", "previous"], coverage: "year", latestOnly: null, of: "plans started in the 12 months",
    rule: "Of the distinct (child, start) plans starting in the 12 months to the month's end with a Number of Previous Child Protection Plans given (the largest, where rows disagree), the percentage with 1 or more.",
    count: (ctx) => {
      const plans: number[] = [];
      for (const e of distinctEvents(rows(ctx, 7), "start", yearFrom(ctx), ctx.E).values()) {
        const given = e.rows.map((r) => r.v.previous).filter(isCount);
        if (given.length) plans.push(Math.max(...given));
      }
      return share(plans, (n) => n >= 1);
    } },
  { code: "CP_OPEN_2YRS_PCT", kind: "percent", list: 7, columns: ["start", "end"], coverage: null, latestOnly: null, of: "children with a plan",
    rule: "Of the children with a plan open on the month's last day (each child's open plan with the earliest start), the percentage whose plan started on or before the same day two years earlier.",
    count: (ctx) => { const cut = sameDayMonthsBefore(ctx.E, 24); return share(openRecords(rows(ctx, 7), ctx.E).values(), (r) => (r.v.start as Day) <= cut); } },
  { code: "CP_VISITS_TIMELY_PCT", kind: "percent", list: 7, columns: ["start", "end", "visit"], coverage: null, latestOnly: "last visits", of: "children with a plan",
    rule: "Of the children with a plan open on the month's last day (each child's open record, leaving out one whose last visit date is invalid), the percentage whose last statutory visit is on or before the month's end and at most 15 working days before it, or whose plan started at most 15 working days before it.",
    count: (ctx) => share([...openRecords(rows(ctx, 7), ctx.E).values()].filter((r) => r.v.visit !== INVALID), (r) =>
      (isDay(r.v.visit) && r.v.visit <= ctx.E && workingDaysFrom(r.v.visit, ctx.E) <= 15) || workingDaysFrom(r.v.start as Day, ctx.E) <= 15) },
  { code: "CLA_NUMBER", kind: "count", list: 8, columns: ["start", "end"], coverage: null, latestOnly: null, of: "children looked after",
    rule: "Distinct children looked after on the month's last day.", count: (ctx) => openRecords(rows(ctx, 8), ctx.E).size },
  { code: "CLA_RATE_10K", kind: "rate", list: 8, columns: ["start", "end"], coverage: null, latestOnly: null, of: "children looked after",
    rule: "Children looked after on the month's last day per 10,000 children aged 0 to 17.", count: (ctx) => openRecords(rows(ctx, 8), ctx.E).size },
  { code: "CLA_STARTED", kind: "count", list: 8, columns: ["start"], coverage: "month", latestOnly: null, of: "periods of care",
    rule: "Distinct (child, start) periods of care starting in the month.", count: eventsInMonth(8, "start") },
  { code: "SGO_GRANTED", kind: "count", list: 8, columns: ["end", "reason"], coverage: "month", latestOnly: null, of: "children",
    rule: "Distinct children who ceased to be looked after in the month with reason E43, E44, E45, E46, E47 or E48 (special guardianship).",
    count: ceasedInMonth(["E43", "E44", "E45", "E46", "E47", "E48"]) },
  { code: "ADOPTIONS", kind: "count", list: 8, columns: ["end", "reason"], coverage: "month", latestOnly: null, of: "children",
    rule: "Distinct children who ceased to be looked after in the month with reason E11 or E12 (adoption).", count: ceasedInMonth(["E11", "E12"]) },
  { code: "CLA_3PLUS_PLACEMENTS_PCT", kind: "percent", list: 8, columns: ["start", "end", "placements"], coverage: null, latestOnly: "placement counts", of: "children looked after",
    rule: "Of the children looked after on the month's last day, the percentage with 3 or more placements in the last 12 months.",
    count: (ctx) => share([...openRecords(rows(ctx, 8), ctx.E).values()].filter((r) => r.v.placements !== INVALID), (r) => isCount(r.v.placements) && r.v.placements >= 3) },
  { code: "CLA_LONGTERM_STABILITY_PCT", kind: "percent", list: 8, columns: ["dob", "start", "end", "placementStart"], coverage: null, latestOnly: "most recent placements", of: "children looked after",
    rule: "Of the children looked after on the month's last day who are under 16 and started to be looked after on or before the same day 30 months earlier, the percentage whose most recent placement started on or before the same day 24 months earlier.",
    count: (ctx) => {
      const started = sameDayMonthsBefore(ctx.E, 30);
      const placed = sameDayMonthsBefore(ctx.E, 24);
      const group = [...openRecords(rows(ctx, 8), ctx.E).values()].filter((r) => isDay(r.v.dob) && ageOn(r.v.dob, ctx.E) < 16 && (r.v.start as Day) <= started && r.v.placementStart !== INVALID);
      return share(group, (r) => isDay(r.v.placementStart) && r.v.placementStart <= placed);
    } },
  { code: "CLA_HEALTH_ASSESS_PCT", kind: "percent", list: 8, columns: ["dob", "start", "end", "health"], coverage: null, latestOnly: "last health assessments", of: "children looked after for 12 months",
    rule: "Of the children looked after on the month's last day who started on or before the same day 12 months earlier (a blank assessment date stays in the group, not assessed; an invalid one leaves the child out), the percentage whose last health assessment is in the 12 months to the month's end (6 months for a child under 5).",
    count: (ctx) => {
      const since = sameDayMonthsBefore(ctx.E, 12);
      const group = [...openRecords(rows(ctx, 8), ctx.E).values()].filter((r) => (r.v.start as Day) <= since && r.v.health !== INVALID && isDay(r.v.dob));
      return share(group, (r) => dayIn(r.v.health, sameDayMonthsBefore(ctx.E, ageOn(r.v.dob as Day, ctx.E) < 5 ? 6 : 12), ctx.E));
    } },
  { code: "CARE_LEAVERS_IN_TOUCH_PCT", kind: "percent", list: 9, columns: ["dob", "eligibility", "inTouch"], coverage: null, latestOnly: "care leavers' details", of: "care leavers aged 19 to 21",
    rule: "Of the distinct former relevant care leavers aged 19 to 21 on the month's last day, leaving out those who have died, the percentage the authority is in touch with (No, Refu, NREQ and Rhom are not in touch).",
    count: (ctx) => share(careLeavers(ctx), (r) => ["YES", "Y"].includes(firstWord(r.v.inTouch as string | null) ?? "")) },
  { code: "CARE_LEAVERS_EET_PCT", kind: "percent", list: 9, columns: ["dob", "eligibility", "inTouch", "activity"], coverage: null, latestOnly: "care leavers' details", of: "care leavers aged 19 to 21",
    rule: "Of the same care leavers, the percentage in education, training or employment, full or part time (activity F1, P1, F2, P2, F3 or P3).",
    count: (ctx) => share(careLeavers(ctx), (r) => IN_EET.has(firstWord(r.v.activity as string | null) ?? "")) },
  { code: "CARE_LEAVERS_SUITABLE_ACCOM_PCT", kind: "percent", list: 9, columns: ["dob", "eligibility", "inTouch", "suitability"], coverage: null, latestOnly: "care leavers' details", of: "care leavers aged 19 to 21",
    rule: "Of the same care leavers, the percentage whose accommodation is Suitable (Unsuitable and blank are not).",
    count: (ctx) => share(careLeavers(ctx), (r) => firstWord(r.v.suitability as string | null) === "SUITABLE") },
];

/** Figures the lists cannot give, and why (spec: kept as typed or imported). */
export const NOT_FROM_ANNEX_A: Record<string, string> = {
  MASH_24H_PCT: "List 1 has no decision date",
  CP_REVIEWS_TIMELY_PCT: "only the latest review is listed",
  CLA_REVIEWS_TIMELY_PCT: "only the latest review is listed",
  CLA_VISITS_TIMELY_PCT: "the interval between visits depends on the placement's history",
};
