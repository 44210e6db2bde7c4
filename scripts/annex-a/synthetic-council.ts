// A made-up council's children's social care records over the months an Annex A workbook covers.
// Every identifier, date of birth and date is drawn from a seeded generator, so no real child is in
// them and the same seed always gives the same council. Volumes per month at scale 1 are those of
// the sample (about 1,750 contacts, 430 referrals, 3,800 children in need, 600 on a plan, 560 looked after).
import * as C from "./annex-a-codes";
import type { Code, Weighted } from "./annex-a-codes";

export type Rng = () => number;
/** Days since 1 January 1970 (UTC). */
export type Day = number;

/** mulberry32: a small 32-bit generator, plenty for test data and the same on every machine. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator of its own for each part, so that one list (or a quirk) never shifts another's draws. */
export function streamRng(seed: number, name: string): Rng {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return mulberry32(h);
}

export const between = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
export const chance = (rng: Rng, p: number) => rng() < p;
export function pick<T>(rng: Rng, options: readonly (readonly [T, number])[]): T {
  let r = rng() * options.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of options) if ((r -= w) < 0) return value;
  return options[options.length - 1][0];
}
const exponential = (rng: Rng, mean: number) => -Math.log(1 - rng()) * mean;

export const dayOf = (year: number, month: number, day: number): Day => Date.UTC(year, month - 1, day) / 86_400_000;
export const dateOf = (day: Day) => new Date(day * 86_400_000);
const isWeekday = (day: Day) => ![0, 6].includes((day + 4) % 7);
/** The day n working days (Monday to Friday) after. Bank holidays are ignored: the volumes are only roughly right. */
export function addWorkingDays(day: Day, n: number): Day {
  let d = day;
  for (let left = n; left > 0;) if (isWeekday(++d)) left--;
  return d;
}
/** A birthday n years on (a 29 February birthday falls on 1 March). */
const yearsAfter = (day: Day, n: number) => {
  const d = dateOf(day);
  return dayOf(d.getUTCFullYear() + n, d.getUTCMonth() + 1, d.getUTCDate());
};
export const ageOn = (dob: Day, on: Day) => (on - dob) / 365.25;

/** Months as a count (year * 12 + month - 1), so that spans are simple sums. */
const monthIndex = (month: string) => {
  const [y, m] = month.split("-").map(Number);
  return y * 12 + m - 1;
};
const firstDay = (index: number) => dayOf(Math.floor(index / 12), (index % 12) + 1, 1);

export type Span = { firstMonth: number; lastMonth: number; coverFrom: Day; asAt: Day };
export function spanOf(month: string, monthsCovered: number): Span {
  const last = monthIndex(month);
  return {
    firstMonth: last - monthsCovered + 1,
    lastMonth: last,
    coverFrom: firstDay(last - monthsCovered + 1),
    asAt: firstDay(last + 1) - 1,
  };
}

export type Child = { id: number; dob: Day; gender: Code; ethnicity: Code; disabled: boolean };
export type Referral = { child: Child; date: Day; source: Code; previous12: number; nfa: boolean };
export type Contact = { child: Child; date: Day; source: Code };
export type Assessment = { child: Child; start: Day; authorised: Day | null; seen: boolean; needsSupport: boolean };
export type Section47 = {
  child: Child;
  strategy: Day;
  icpc: Day | null;
  unnecessary: boolean;
  plan: boolean | null;
  s47Last12: number;
  icpcLast12: number;
};
export type Episode = { child: Child; start: Day; end: Day | null; at: Day };

/**
 * Made-up children: identifiers counted up from a seeded start, never anyone's. Each pool counts in a
 * block of ten million of its own (block 1: 10,000,000 and up), so two pools never give one identifier
 * to two children.
 */
export class ChildPool {
  private next: number;
  constructor(
    private readonly rng: Rng,
    block: number,
  ) {
    this.next = block * 10_000_000 + between(rng, 0, 999_999);
  }
  /** A new child aged from minAge to just under maxAge years on the given day. */
  make(on: Day, minAge = 0, maxAge = 18): Child {
    this.next += between(this.rng, 1, 3);
    const dob = on - between(this.rng, Math.ceil(minAge * 365.25), Math.floor(maxAge * 365.25) - 1);
    return {
      id: this.next,
      dob,
      gender: pick(this.rng, C.GENDER),
      ethnicity: pick(this.rng, C.ETHNICITY),
      disabled: chance(this.rng, 0.08),
    };
  }
}

/** How many in a month: the mean at this scale, give or take 8%. */
const monthly = (rng: Rng, mean: number, scale: number) => Math.max(0, Math.round(mean * scale * (0.92 + 0.16 * rng())));

/** n days in the month, mostly weekdays, in order, none after the as-at date. */
function daysIn(rng: Rng, index: number, n: number, asAt: Day): Day[] {
  const start = firstDay(index);
  const length = firstDay(index + 1) - start;
  const days: Day[] = [];
  while (days.length < n) {
    const d = start + Math.floor(rng() * length);
    if (!isWeekday(d) && chance(rng, 0.8)) continue;
    days.push(Math.min(d, asAt));
  }
  return days.sort((a, b) => a - b);
}

/** The front door: referrals from a year before the lists begin (so re-referrals have a history), about 1 in 6 a child referred in the 12 months before. */
export function simulateReferrals(rng: Rng, pool: ChildPool, span: Span, scale: number): Referral[] {
  const referrals: Referral[] = [];
  const history = new Map<number, Day[]>();
  let windowStart = 0;
  for (let m = span.firstMonth - 12; m <= span.lastMonth; m++) {
    for (const date of daysIn(rng, m, monthly(rng, 430, scale), span.asAt)) {
      while (windowStart < referrals.length && referrals[windowStart].date < date - 365) windowStart++;
      const earlier = referrals.length - windowStart;
      const again = earlier > 0 && chance(rng, 0.175) ? referrals[windowStart + Math.floor(rng() * earlier)] : null;
      const child = again && again.date < date && ageOn(again.child.dob, date) < 17.9 ? again.child : pool.make(date);
      const past = history.get(child.id) ?? [];
      referrals.push({
        child,
        date,
        source: pick(rng, C.CONTACT_SOURCE),
        previous12: past.filter((d) => d >= date - 365).length,
        nfa: false,
      });
      history.set(child.id, [...past, date]);
    }
  }
  return referrals;
}

/** Contacts: every referral's, and as many again from other children (some seen before), about 1,750 a month. */
export function* simulateContacts(
  rng: Rng,
  pool: ChildPool,
  span: Span,
  scale: number,
  referrals: readonly Referral[],
): Generator<Contact> {
  const seen: Child[] = [];
  let r = 0;
  for (let m = span.firstMonth; m <= span.lastMonth; m++) {
    const start = firstDay(m);
    const end = firstDay(m + 1);
    while (r < referrals.length && referrals[r].date < start) r++;
    const own: Contact[] = [];
    for (; r < referrals.length && referrals[r].date < end; r++)
      own.push({ child: referrals[r].child, date: referrals[r].date, source: referrals[r].source });
    const others = daysIn(rng, m, Math.max(0, monthly(rng, 1750, scale) - own.length), span.asAt).map((date): Contact => {
      const before = seen.length > 0 && chance(rng, 0.3) ? seen[Math.floor(rng() * seen.length)] : null;
      const child = before && ageOn(before.dob, date) < 17.9 ? before : pool.make(date);
      if (child !== before) seen.push(child);
      return { child, date, source: pick(rng, C.CONTACT_SOURCE) };
    });
    yield* [...own, ...others].sort((a, b) => a.date - b.date);
  }
}

/** Assessments of about 5 in 6 referrals, most authorised within 45 working days; section 47 enquiries for about 1 in 4. */
export function simulateAssessments(rng: Rng, span: Span, referrals: Referral[]): { assessments: Assessment[]; enquiries: Section47[] } {
  const assessments: Assessment[] = [];
  const enquiries: Section47[] = [];
  const s47History = new Map<number, Day[]>();
  const icpcHistory = new Map<number, Day[]>();
  const inYear = (days: Day[] | undefined, at: Day) => (days ?? []).filter((d) => d > at - 365 && d <= at).length;
  for (const referral of referrals) {
    if (referral.date < span.coverFrom - 120) continue;
    if (!chance(rng, 0.83)) {
      referral.nfa = chance(rng, 0.9);
      continue;
    }
    const start = addWorkingDays(referral.date, between(rng, 0, 3));
    const authorised = addWorkingDays(start, chance(rng, 0.72) ? between(rng, 8, 45) : between(rng, 46, 95));
    if (start <= span.asAt && (start >= span.coverFrom || authorised >= span.coverFrom)) {
      assessments.push({
        child: referral.child,
        start,
        authorised: authorised <= span.asAt ? authorised : null,
        seen: chance(rng, 0.95),
        needsSupport: chance(rng, 0.6),
      });
    }
    if (!chance(rng, 0.34)) continue;
    const strategy = addWorkingDays(referral.date, between(rng, 0, 5));
    if (strategy > span.asAt || strategy < span.coverFrom) continue;
    const held = chance(rng, 0.4);
    const icpcDay = held ? addWorkingDays(strategy, chance(rng, 0.8) ? between(rng, 4, 15) : between(rng, 16, 32)) : null;
    const icpc = icpcDay !== null && icpcDay <= span.asAt ? icpcDay : null;
    const id = referral.child.id;
    s47History.set(id, [...(s47History.get(id) ?? []), strategy]);
    if (icpc !== null) icpcHistory.set(id, [...(icpcHistory.get(id) ?? []), icpc]);
    enquiries.push({
      child: referral.child,
      strategy,
      icpc,
      unnecessary: !held,
      plan: icpc === null ? null : chance(rng, 0.85),
      s47Last12: inYear(s47History.get(id), strategy),
      icpcLast12: icpc === null ? 0 : inYear(icpcHistory.get(id), icpc),
    });
  }
  return { assessments, enquiries };
}

/**
 * Episodes that start at a steady rate and last a drawn time, run for years before the lists begin so
 * that the open ones have a natural spread of ages; those open at any time the lists cover are kept.
 * An episode ends by the child's 18th birthday at the latest; one still open at the as-at date has no end.
 */
export function simulateEpisodes(
  rng: Rng,
  pool: ChildPool,
  span: Span,
  o: { perMonth: number; scale: number; burnInMonths: number; days: () => number; age: () => number },
): (Episode & { agedOut: boolean })[] {
  const kept: (Episode & { agedOut: boolean })[] = [];
  for (let m = span.firstMonth - o.burnInMonths; m <= span.lastMonth; m++) {
    for (const start of daysIn(rng, m, monthly(rng, o.perMonth, o.scale), span.asAt)) {
      const age = o.age();
      const child = pool.make(start, age, age + 1);
      const eighteen = yearsAfter(child.dob, 18) - 1;
      const drawn = start + Math.max(1, Math.round(o.days()));
      const end = Math.min(drawn, eighteen);
      if (end < span.coverFrom) continue;
      kept.push({ child, start, end: end > span.asAt ? null : end, at: Math.min(end, span.asAt), agedOut: eighteen < drawn });
    }
  }
  return kept;
}

export const cinDays = (rng: Rng) => () => 20 + exponential(rng, 345);
export const cpDays = (rng: Rng) => () => (chance(rng, 0.8) ? 60 + exponential(rng, 210) : between(rng, 700, 1300));
export const claDays = (rng: Rng) => () => (chance(rng, 0.35) ? 7 + exponential(rng, 110) : 180 + exponential(rng, 1000));
export const childAge = (rng: Rng) => () =>
  pick(rng, [
    [0, 14],
    [between(rng, 1, 4), 20],
    [between(rng, 5, 9), 22],
    [between(rng, 10, 15), 30],
    [between(rng, 16, 17), 14],
  ] as const);

export type { Code, Weighted };
