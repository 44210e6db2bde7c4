// The lists of a synthetic Annex A workbook: each one's columns (Ofsted's names, in the order of a
// full extract; the ones the pack's figures do not read are marked extra) and its records from the
// made-up council.
import * as C from "./annex-a-codes";
import {
  ageOn,
  between,
  chance,
  ChildPool,
  childAge,
  cinDays,
  claDays,
  cpDays,
  pick,
  simulateAssessments,
  simulateContacts,
  simulateEpisodes,
  simulateReferrals,
  streamRng,
  type Assessment,
  type Child,
  type Code,
  type Day,
  type Episode,
  type Referral,
  type Rng,
  type Section47,
  type Span,
} from "./synthetic-council";

export type Kind = "id" | "date" | "code" | "text" | "number";
export type Value = number | string | Code | null;
export type Column<R> = { header: string; kind: Kind; extra?: boolean; get: (r: R, c: Council) => Value };
export type Council = { span: Span; scale: number; seed: number };
export type ListDef<R> = { list: number; title: string; columns: Column<R>[]; records: (c: Council, shared: Shared) => Iterable<R> };

type WithChild = { child: Child };

/** The council's front door, worked out once and read by lists 1, 3, 4 and 5. */
export class Shared {
  private cache?: { pool: ChildPool; referrals: Referral[]; assessments: Assessment[]; enquiries: Section47[] };
  constructor(private readonly c: Council) {}
  get frontDoor() {
    if (!this.cache) {
      const pool = new ChildPool(streamRng(this.c.seed, "front-door children"), 1);
      const referrals = simulateReferrals(streamRng(this.c.seed, "referrals"), pool, this.c.span, this.c.scale);
      this.cache = { pool, referrals, ...simulateAssessments(streamRng(this.c.seed, "assessments"), this.c.span, referrals) };
    }
    return this.cache;
  }
}

const workerOf = (child: Child) => `Worker ${String(((child.id * 7) % 40) + 1).padStart(2, "0")}`;
/** Columns most lists carry about the child; `dob` is one the figures read in lists 8 and 9. */
function childColumns<R extends WithChild>(dobUsed = false): Column<R>[] {
  return [
    { header: "Child Unique ID", kind: "id", get: (r) => r.child.id },
    { header: "Gender", kind: "code", extra: true, get: (r) => r.child.gender },
    { header: "Ethnicity", kind: "code", extra: true, get: (r) => r.child.ethnicity },
    { header: "Date of Birth", kind: "date", extra: !dobUsed, get: (r) => r.child.dob },
    { header: "Age", kind: "number", extra: true, get: (r, c) => Math.round(ageOn(r.child.dob, c.span.asAt) * 1e6) / 1e6 },
  ];
}
const disability = <R extends WithChild>(): Column<R> => ({
  header: "Does the Child have a Disability",
  kind: "code",
  extra: true,
  get: (r) => C.yesNo(r.child.disabled),
});
const allocated = <R extends WithChild>(team: (r: R) => string): Column<R>[] => [
  { header: "Allocated Team", kind: "text", extra: true, get: team },
  { header: "Allocated Worker", kind: "text", extra: true, get: (r) => workerOf(r.child) },
];
const locality = (child: Child) => `Locality ${(child.id % 3) + 1}`;

const LIST_1: ListDef<{ child: Child; date: Day; source: Code }> = {
  list: 1,
  title: "Contacts",
  columns: [
    ...childColumns(),
    { header: "Date of Contact", kind: "date", get: (r) => r.date },
    { header: "Contact Source", kind: "code", extra: true, get: (r) => r.source },
  ],
  records: (c, s) =>
    simulateContacts(
      streamRng(c.seed, "contacts"),
      new ChildPool(streamRng(c.seed, "contact children"), 2),
      c.span,
      c.scale,
      s.frontDoor.referrals,
    ),
};

const LIST_3: ListDef<Referral> = {
  list: 3,
  title: "Referrals",
  columns: [
    ...childColumns(),
    { header: "Date of Referral", kind: "date", get: (r) => r.date },
    { header: "Referral Source", kind: "code", extra: true, get: (r) => r.source },
    { header: "Referral NFA?", kind: "code", extra: true, get: (r) => C.yesNo(r.nfa) },
    { header: "Number of Referrals in Last 12 Months", kind: "number", extra: true, get: (r) => r.previous12 },
    ...allocated<Referral>(() => "MASH"),
  ],
  records: (c, s) => s.frontDoor.referrals.filter((r) => r.date >= c.span.coverFrom),
};

const LIST_4: ListDef<Assessment> = {
  list: 4,
  title: "Assessments",
  columns: [
    ...childColumns(),
    disability(),
    { header: "Continuous Assessment Start Date", kind: "date", get: (r) => r.start },
    { header: "Child Seen During Continuous Assessment", kind: "code", extra: true, get: (r) => C.yesNo(r.seen) },
    { header: "Continuous Assessment Date of Authorisation", kind: "date", get: (r) => r.authorised },
    {
      header: "Was the child assessed as requiring LA children's social care support?",
      kind: "code",
      extra: true,
      get: (r) => (r.authorised === null ? null : C.yesNo(r.needsSupport)),
    },
    ...allocated<Assessment>((r) => locality(r.child)),
  ],
  records: (_c, s) => s.frontDoor.assessments,
};

const LIST_5: ListDef<Section47> = {
  list: 5,
  title: "Section 47",
  columns: [
    ...childColumns(),
    disability(),
    { header: "Strategy discussion initiating Section 47 Enquiry Start Date", kind: "date", get: (r) => r.strategy },
    {
      header: "Was an Initial Child Protection Conference deemed unnecessary?",
      kind: "code",
      extra: true,
      get: (r) => C.yesNo(r.unnecessary),
    },
    { header: "Date of Initial Child Protection Conference", kind: "date", get: (r) => r.icpc },
    {
      header: "Did the Initial Child Protection Conference Result in a Child Protection Plan",
      kind: "code",
      extra: true,
      get: (r) => (r.plan === null ? null : C.yesNo(r.plan)),
    },
    { header: "Number of Section 47 Enquiries in the last 12 months", kind: "number", extra: true, get: (r) => r.s47Last12 },
    { header: "Number of ICPCs in the last 12 months", kind: "number", extra: true, get: (r) => r.icpcLast12 },
    ...allocated<Section47>((r) => locality(r.child)),
  ],
  records: (_c, s) => s.frontDoor.enquiries,
};

type Cin = Episode & { need: Code; lastSeen: Day | null; reason: Code | null; status: Code };
const LIST_6: ListDef<Cin> = {
  list: 6,
  title: "Children in need",
  columns: [
    ...childColumns(),
    disability(),
    { header: "CIN Start Date", kind: "date", get: (r) => r.start },
    { header: "Primary Need Code", kind: "code", extra: true, get: (r) => r.need },
    { header: "Date Child Was Last Seen", kind: "date", extra: true, get: (r) => r.lastSeen },
    { header: "CIN Closure Date", kind: "date", get: (r) => r.end },
    { header: "Reason for Closure", kind: "code", extra: true, get: (r) => r.reason },
    { header: "Case Status", kind: "code", extra: true, get: (r) => r.status },
    ...allocated<Cin>((r) => locality(r.child)),
  ],
  records: function* (c) {
    const rng = streamRng(c.seed, "children in need");
    const episodes = simulateEpisodes(rng, new ChildPool(streamRng(c.seed, "cin children"), 3), c.span, {
      perMonth: 350,
      scale: c.scale,
      burnInMonths: 72,
      days: cinDays(rng),
      age: childAge(rng),
    });
    for (const e of episodes) {
      yield {
        ...e,
        need: pick(rng, C.PRIMARY_NEED),
        lastSeen: chance(rng, 0.97) ? Math.max(e.start, e.at - between(rng, 0, 40)) : null,
        reason: e.end === null ? null : pick(rng, C.CIN_CLOSURE),
        status: pick(rng, C.CASE_STATUS),
      };
    }
  },
};

type Plan = Episode & {
  category: Code;
  latest: Code;
  visit: Day | null;
  alone: boolean;
  review: Day | null;
  epo: boolean;
  previous: number | null;
};
const LIST_7: ListDef<Plan> = {
  list: 7,
  title: "Child protection",
  columns: [
    ...childColumns(),
    disability(),
    { header: "Child Protection Plan Start Date", kind: "date", get: (r) => r.start },
    { header: "Initial Category of Abuse", kind: "code", extra: true, get: (r) => r.category },
    { header: "Latest Category of Abuse", kind: "code", extra: true, get: (r) => r.latest },
    { header: "Date of the Last Statutory Visit", kind: "date", get: (r) => r.visit },
    { header: "Was the Child Seen Alone?", kind: "code", extra: true, get: (r) => C.yesNo(r.alone) },
    { header: "Date of latest review conference", kind: "date", extra: true, get: (r) => r.review },
    { header: "Child Protection Plan End Date", kind: "date", get: (r) => r.end },
    {
      header: "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
      kind: "code",
      extra: true,
      get: (r) => C.yesNo(r.epo),
    },
    { header: "Number of Previous Child Protection Plans", kind: "number", get: (r) => r.previous },
    ...allocated<Plan>(() => "CP Team"),
  ],
  records: function* (c) {
    const rng = streamRng(c.seed, "child protection");
    const plans = simulateEpisodes(rng, new ChildPool(streamRng(c.seed, "cp children"), 4), c.span, {
      perMonth: 48,
      scale: c.scale,
      burnInMonths: 60,
      days: cpDays(rng),
      age: childAge(rng),
    });
    for (const p of plans) {
      const category = pick(rng, C.ABUSE_CATEGORY);
      // Most children on a plan are seen within 15 working days (about 3 weeks); a quarter are not.
      const gap = chance(rng, 0.77) ? between(rng, 0, 19) : between(rng, 23, 70);
      const visit = p.at - gap >= p.start ? p.at - gap : chance(rng, 0.5) ? p.start + between(rng, 0, p.at - p.start) : null;
      const reviews = Math.floor((p.at - p.start - 90) / 182);
      yield {
        ...p,
        category,
        latest: chance(rng, 0.85) ? category : pick(rng, C.ABUSE_CATEGORY),
        visit,
        alone: chance(rng, 0.7),
        review: p.at - p.start < 90 ? null : p.start + 90 + Math.max(0, reviews) * 182,
        epo: chance(rng, 0.04),
        previous: chance(rng, 0.03)
          ? null
          : pick(rng, [
              [0, 74],
              [1, 18],
              [2, 6],
              [3, 2],
            ] as const),
      };
    }
  },
};

type Looked = Episode & {
  uasc: boolean;
  need: Code;
  second: boolean;
  legal: Code;
  legalStart: Day;
  review: Day | null;
  visit: Day | null;
  plan: Code;
  iro: Day | null;
  health: Day | null;
  dental: Day | null;
  placements: number;
  placementStart: Day;
  reason: Code | null;
  type: Code;
  provider: Code;
  location: Code;
  missing: number;
  absent: number;
};
const LIST_8: ListDef<Looked> = {
  list: 8,
  title: "Children looked after",
  columns: [
    ...childColumns(true),
    {
      header: "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
      kind: "code",
      extra: true,
      get: (r) => C.yesNo(r.uasc),
    },
    disability(),
    { header: "Date Started to be Looked After", kind: "date", get: (r) => r.start },
    { header: "Child's Category of Need", kind: "code", extra: true, get: (r) => r.need },
    {
      header: "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
      kind: "code",
      extra: true,
      get: (r) => C.yesNo(r.second),
    },
    { header: "Start date of current legal status", kind: "date", extra: true, get: (r) => r.legalStart },
    { header: "Child's Legal Status", kind: "code", extra: true, get: (r) => r.legal },
    { header: "Date of Latest Statutory Review", kind: "date", extra: true, get: (r) => r.review },
    { header: "Date of Last Social Work Visit", kind: "date", extra: true, get: (r) => r.visit },
    { header: "What is the permanence plan for this child?", kind: "code", extra: true, get: (r) => r.plan },
    { header: "Date of Last IRO Visit / Contact to the Child", kind: "date", extra: true, get: (r) => r.iro },
    { header: "Date of Last Health Assessment", kind: "date", get: (r) => r.health },
    { header: "Date of Last Dental Check", kind: "date", extra: true, get: (r) => r.dental },
    { header: "Number of Placements in the Last 12 months", kind: "number", get: (r) => r.placements },
    { header: "Date Ceased to be Looked After", kind: "date", get: (r) => r.end },
    { header: "Reason Ceased to be Looked After", kind: "code", get: (r) => r.reason },
    { header: "Start Date of Most Recent Placement", kind: "date", get: (r) => r.placementStart },
    { header: "Placement Type", kind: "code", extra: true, get: (r) => r.type },
    { header: "Placement Provider", kind: "code", extra: true, get: (r) => r.provider },
    { header: "Placement Location", kind: "code", extra: true, get: (r) => r.location },
    {
      header: "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
      kind: "number",
      extra: true,
      get: (r) => r.missing,
    },
    {
      header: "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
      kind: "number",
      extra: true,
      get: (r) => r.absent,
    },
    ...allocated<Looked>((r) => `Children in Care Team ${(r.child.id % 2) + 1}`),
  ],
  records: function* (c) {
    const rng = streamRng(c.seed, "looked after");
    const episodes = simulateEpisodes(rng, new ChildPool(streamRng(c.seed, "cla children"), 5), c.span, {
      perMonth: 26,
      scale: c.scale,
      burnInMonths: 216,
      days: claDays(rng),
      age: childAge(rng),
    });
    for (const e of episodes) yield lookedAfter(rng, e);
  },
};

/** The latest-value columns as at the episode's end (or the as-at date, if open). */
function lookedAfter(rng: Rng, e: Episode & { agedOut: boolean }): Looked {
  const inCare = e.at - e.start;
  const placements = pick(rng, [
    [1, 60],
    [2, 15],
    [between(rng, 3, 6), 25],
  ] as const);
  const placementStart =
    placements === 1
      ? inCare < 365 || chance(rng, 0.12)
        ? e.start
        : e.start + between(rng, 0, Math.max(0, inCare - 365 - (inCare > 913 && chance(rng, 0.9) ? 365 : 0)))
      : Math.max(e.start, e.at - between(rng, 0, 364));
  const under5 = ageOn(e.child.dob, e.at) < 5;
  const healthRoll = rng();
  const health =
    healthRoll < 0.1 ? null : healthRoll < 0.86 ? e.at - between(rng, 0, under5 ? 180 : 364) : e.at - between(rng, under5 ? 190 : 370, 700);
  const recent = (max: number) => (chance(rng, 0.95) ? Math.max(e.start, e.at - between(rng, 0, max)) : null);
  return {
    ...e,
    uasc: chance(rng, 0.05),
    need: pick(rng, C.PRIMARY_NEED),
    second: chance(rng, 0.07),
    legal: pick(rng, C.LEGAL_STATUS),
    legalStart: e.start + between(rng, 0, Math.min(inCare, 200)),
    review: inCare < 28 ? null : recent(180),
    visit: recent(60),
    plan: pick(rng, C.PERMANENCE_PLAN),
    iro: recent(120),
    health: health === null ? null : Math.max(health, e.start - 30),
    dental: ageOn(e.child.dob, e.at) < 3 ? null : recent(500),
    placements,
    placementStart,
    reason: e.end === null ? null : pick(rng, e.agedOut ? C.REASON_CEASED_AT_18 : C.REASON_CEASED),
    type: pick(rng, C.PLACEMENT_TYPE),
    provider: pick(rng, C.PLACEMENT_PROVIDER),
    location: pick(rng, C.PLACEMENT_LOCATION),
    missing: chance(rng, 0.85) ? 0 : between(rng, 1, 9),
    absent: chance(rng, 0.9) ? 0 : between(rng, 1, 5),
  };
}

type Leaver = { child: Child; eligibility: Code; inTouch: Code; accommodation: Code; suitability: Code | null; activity: Code };
const LIST_9: ListDef<Leaver> = {
  list: 9,
  title: "Care leavers",
  columns: [
    ...childColumns(true),
    disability(),
    ...allocated<Leaver>(() => "Care Leavers Team"),
    { header: "Eligibility Category", kind: "code", get: (r) => r.eligibility },
    { header: "LA in Touch", kind: "code", get: (r) => r.inTouch },
    { header: "Type of Accommodation", kind: "code", extra: true, get: (r) => r.accommodation },
    { header: "Suitability of Accommodation", kind: "code", get: (r) => r.suitability },
    { header: "Activity Status", kind: "code", get: (r) => r.activity },
  ],
  records: function* (c) {
    const rng = streamRng(c.seed, "care leavers");
    const pool = new ChildPool(streamRng(c.seed, "care leaver children"), 6);
    for (let i = Math.round(300 * c.scale); i > 0; i--) {
      const age = pick(rng, [
        [17, 12],
        [18, 22],
        [19, 22],
        [20, 20],
        [21, 18],
        [22, 6],
      ] as const);
      const child = pool.make(c.span.asAt, age, age + 1);
      const eligibility = age < 18 ? C.ELIGIBILITY_RELEVANT : chance(rng, 0.9) ? C.ELIGIBILITY_FORMER : C.ELIGIBILITY_QUALIFYING;
      const s = rng();
      yield {
        child,
        eligibility,
        inTouch: pick(rng, C.IN_TOUCH),
        accommodation: pick(rng, C.ACCOMMODATION),
        suitability: s < 0.9 ? C.SUITABLE : s < 0.96 ? C.UNSUITABLE : null,
        activity: pick(rng, C.ACTIVITY),
      };
    }
  },
};

/** The columns the figures read, in the order of the table in specs/annex-a-figures.md: a workbook without extra columns has these alone. */
export const SPEC_HEADERS: Record<number, readonly string[]> = {
  1: ["Child Unique ID", "Date of Contact"],
  3: ["Child Unique ID", "Date of Referral"],
  4: ["Child Unique ID", "Continuous Assessment Start Date", "Continuous Assessment Date of Authorisation"],
  5: ["Child Unique ID", "Strategy discussion initiating Section 47 Enquiry Start Date", "Date of Initial Child Protection Conference"],
  6: ["Child Unique ID", "CIN Start Date", "CIN Closure Date"],
  7: [
    "Child Unique ID",
    "Child Protection Plan Start Date",
    "Child Protection Plan End Date",
    "Date of the Last Statutory Visit",
    "Number of Previous Child Protection Plans",
  ],
  8: [
    "Child Unique ID",
    "Date of Birth",
    "Date Started to be Looked After",
    "Date Ceased to be Looked After",
    "Reason Ceased to be Looked After",
    "Number of Placements in the Last 12 months",
    "Start Date of Most Recent Placement",
    "Date of Last Health Assessment",
  ],
  9: ["Child Unique ID", "Date of Birth", "Eligibility Category", "LA in Touch", "Suitability of Accommodation", "Activity Status"],
};

export const LISTS = [LIST_1, LIST_3, LIST_4, LIST_5, LIST_6, LIST_7, LIST_8, LIST_9] as unknown as ListDef<WithChild>[];
export const LIST_NUMBERS = LISTS.map((l) => l.list);
