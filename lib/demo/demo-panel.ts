// The panel's voice in the demo: questions on July 2019's pack (meeting 22 August 2019), answered and
// approved before the meeting (one returned once first), and the two recommendations the meeting made,
// one accepted with an action and a progress update, one still awaiting its response. Written through
// the domain functions, at the dates the story gives them.
import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { askQuestion, type QuestionAbout } from "@/lib/questions/ask-question";
import { transitionQuestion } from "@/lib/questions/transition-question";
import type { QuestionAction } from "@/lib/questions/question-workflow";
import { recordRecommendation } from "@/lib/recommendations/record-recommendation";
import { transitionRecommendation } from "@/lib/recommendations/transition-recommendation";

/** The month whose pack the questions are about, and whose meeting (22 August 2019) made the recommendations. */
export const DEMO_PANEL_MONTH = "2019-07";

type Step = { by: string; action: QuestionAction; at: string; answer?: string; comment?: string };
type DemoQuestion = { by: string; about: QuestionAbout; body: string; askedAt: string; steps: Step[] };

const PANEL = "panel@northbridge.example";
const DIRECTOR = "director@northbridge.example";
const PROTECTION = "lead.protection@northbridge.example";
const CARE = "lead.care@northbridge.example";
const ADMIN = "admin@northbridge.example";

// July's pack was published at 17:00 (UTC) on 15 August 2019; questions closed at the end of 16 August.
const QUESTIONS: DemoQuestion[] = [
  {
    by: PANEL,
    about: { kind: "indicator", code: "CP_PLANS" },
    askedAt: "2019-08-15T19:30:00Z",
    body: "The number of children on a child protection plan has gone up every month since April, from 416 to 446. What is behind the rise, and do social workers have enough time for these families?",
    steps: [
      {
        by: PROTECTION,
        action: "submit",
        at: "2019-08-19T10:00:00Z",
        answer:
          "About half of the rise comes from three large sibling groups who became subject to plans in May and June. The rest follows more section 47 enquiries after referrals from schools before the summer break.\n\nAverage caseloads in the child protection teams are 18 children per social worker, within our limit of 20. Two agency social workers joined in July to cover vacancies, and a review of every plan open for more than 15 months is under way so that plans end when they are no longer needed.",
      },
      { by: DIRECTOR, action: "approve", at: "2019-08-19T15:00:00Z" },
    ],
  },
  {
    by: PANEL,
    about: { kind: "pack" },
    askedAt: "2019-08-16T09:15:00Z",
    body: "Several timeliness measures fell in July. Is this because of staff leave over the summer, and what will be different next summer?",
    steps: [
      {
        by: DIRECTOR,
        action: "answer",
        at: "2019-08-20T11:00:00Z",
        answer:
          "Partly. July had the highest level of annual leave this year, and two team managers left in June. Conferences and visits were the most affected.\n\nFrom next year, leave in the child protection teams will be planned across the summer with a limit on how many people are away at once, and the conference team will keep two chairs available for short notice bookings. We will report the August figures to the panel in September.",
      },
    ],
  },
  {
    by: PANEL,
    about: { kind: "indicator", code: "CARE_LEAVERS_EET_PCT" },
    askedAt: "2019-08-16T14:00:00Z",
    body: "Fewer than half of our care leavers aged 19 to 21 are in education, employment or training. How does that compare with other councils, and what are we doing about it?",
    steps: [
      {
        by: CARE,
        action: "submit",
        at: "2019-08-19T09:30:00Z",
        answer: "The figure has been steady at about 47% for the last three months.",
      },
      {
        by: DIRECTOR,
        action: "return",
        at: "2019-08-19T16:00:00Z",
        comment:
          "The question asks how we compare and what we are doing. Please give the England figure and say what the service is doing to improve.",
      },
      {
        by: CARE,
        action: "submit",
        at: "2019-08-20T10:00:00Z",
        answer:
          "In July 46.9% of our care leavers aged 19 to 21 were in education, employment or training. The figure for England in 2018-19 was 52%, so we are about 5 points below it.\n\nPersonal advisers now review every care leaver who is not in education, employment or training each month. We have agreed 10 apprenticeships a year with the council's own services, and a careers adviser joins the leaving care team from September.",
      },
      { by: DIRECTOR, action: "approve", at: "2019-08-20T14:00:00Z" },
    ],
  },
];

const RECOMMENDATIONS = [
  {
    text: "That the service reviews caseloads in the child protection teams and reports to the panel's November meeting on how it will keep them within the council's limit while the number of plans rises.",
    addressedTo: "Cabinet Member for Children's Services",
    indicatorCodes: ["CP_PLANS"],
    sectionSlugs: ["child-protection"],
    recordedAt: "2019-08-23T10:00:00Z",
    response: {
      at: "2019-09-03T14:00:00Z",
      reasons:
        "Accepted. The Cabinet Member agrees that caseloads need watching while the number of plans rises, and has asked for the review to include agency staff.",
      actions: [
        {
          description: "Review caseloads in the child protection teams and report to the panel",
          ownerName: "Head of Safeguarding",
          dueDate: "2019-11-28",
        },
      ],
      update: {
        at: "2019-09-06T11:00:00Z",
        body: "The review has started. Caseload figures for every team are being gathered for the end of September.",
      },
    },
  },
  {
    text: "That the council sets a target for care leavers in education, employment or training that brings it in line with England within two years, and offers more apprenticeships within the council.",
    addressedTo: "Cabinet Member for Children's Services",
    indicatorCodes: ["CARE_LEAVERS_EET_PCT"],
    sectionSlugs: ["care-leavers"],
    recordedAt: "2019-08-23T10:15:00Z",
    response: null,
  },
] as const;

async function sessionUser(email: string): Promise<SessionUser> {
  const u = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, email: true, role: true } });
  return u;
}

/** Seeds the panel's questions on `month`'s published pack and its meeting's recommendations (the pages are stored by the caller). */
export async function seedDemoPanel(month = DEMO_PANEL_MONTH): Promise<void> {
  const users = new Map<string, SessionUser>();
  for (const email of [PANEL, DIRECTOR, PROTECTION, CARE, ADMIN]) users.set(email, await sessionUser(email));
  const as = (email: string) => users.get(email)!;

  for (const q of QUESTIONS) {
    const asked = await askQuestion(as(q.by), { month, about: q.about, body: q.body }, new Date(q.askedAt));
    let version = 1;
    for (const s of q.steps) {
      const done = await transitionQuestion(
        as(s.by),
        { id: asked.id, action: s.action, expectedVersion: version, answer: s.answer, comment: s.comment },
        new Date(s.at),
        { storePages: false },
      );
      version = done.version;
    }
  }

  for (const r of RECOMMENDATIONS) {
    const recorded = await recordRecommendation(
      as(ADMIN),
      {
        month,
        text: r.text,
        addressedTo: r.addressedTo,
        indicatorCodes: [...r.indicatorCodes],
        sectionSlugs: [...r.sectionSlugs],
      },
      new Date(r.recordedAt),
    );
    if (!r.response) continue;
    const responded = await transitionRecommendation(
      as(DIRECTOR),
      {
        id: recorded.id,
        action: "respond",
        expectedVersion: 1,
        decision: "ACCEPTED",
        text: r.response.reasons,
        actions: r.response.actions.map((a) => ({ ...a })),
      },
      new Date(r.response.at),
    );
    await transitionRecommendation(
      as(DIRECTOR),
      { id: recorded.id, action: "update", expectedVersion: responded.version, text: r.response.update.body },
      new Date(r.response.update.at),
    );
  }
}
