// The pack's "Questions from the panel": its addendum of approved answers, as plain data for the
// page (no "server-only": the renderer's child process reads the types). Built from the month's
// state (loadMonthState in lib/pack/delivery/find-pack.ts), which holds the approved questions and
// the count of those still waiting. Never part of the signed-off snapshot or its content hash.
import { answersDue, questionDeadline, questionsOpen } from "@/lib/deadlines/panel-deadlines";

export type PackQuestionAbout =
  { kind: "pack" } | { kind: "section"; name: string; slug: string } | { kind: "indicator"; code: string; name: string };

export type PackQuestion = {
  number: number;
  body: string;
  /** Null when the council hides members' names (PANEL_QUESTION_NAMES=hide). */
  askedBy: string | null;
  askedAt: string;
  about: PackQuestionAbout;
  answer: string;
  answeredBy: string;
  approvedBy: string;
  approvedAt: string;
};

export type PackQuestions = {
  meeting: string;
  deadline: string;
  answersDue: string;
  /** Questions may still be asked (the page's "Ask a question" links depend on it). */
  open: boolean;
  answered: PackQuestion[];
  /** Asked and not yet answered: a count only, since members see others' questions once answered. */
  awaiting: number;
};

/** One dated record per day answers were added: the amendment log's addendum lines. */
export type Addendum = { date: string; answers: number };

type ApprovedRow = {
  body: string;
  askedByName: string;
  askedAt: Date;
  answer: string;
  answeredByName: string | null;
  approvedByName: string | null;
  approvedAt: Date | null;
  section: { name: string; slug: string } | null;
  indicator: { code: string; name: string } | null;
};

export function packQuestionsOf(
  period: { panelMeetingDate: Date | null; questions: ApprovedRow[]; unanswered: number },
  settings: { clearDays: number; showNames: boolean },
  now = new Date(),
): PackQuestions | null {
  if (!period.panelMeetingDate) return null;
  const meeting = period.panelMeetingDate.toISOString().slice(0, 10);
  const answered = [...period.questions]
    .sort((a, b) => a.askedAt.getTime() - b.askedAt.getTime())
    .map((q, i) => ({
      number: i + 1,
      body: q.body,
      askedBy: settings.showNames ? q.askedByName : null,
      askedAt: q.askedAt.toISOString(),
      about: q.indicator
        ? ({ kind: "indicator", code: q.indicator.code, name: q.indicator.name } as const)
        : q.section
          ? ({ kind: "section", name: q.section.name, slug: q.section.slug } as const)
          : ({ kind: "pack" } as const),
      answer: q.answer,
      answeredBy: q.answeredByName ?? "",
      approvedBy: q.approvedByName ?? "",
      approvedAt: (q.approvedAt ?? q.askedAt).toISOString(),
    }));
  return {
    meeting,
    deadline: questionDeadline(meeting, settings.clearDays),
    answersDue: answersDue(meeting),
    open: questionsOpen(meeting, settings.clearDays, now),
    answered,
    awaiting: period.unanswered,
  };
}

const ENGLAND_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

/** The addendum's dated records: how many answers were approved on each day (in England). */
export function addendaOf(questions: PackQuestions | null): Addendum[] {
  const byDay = new Map<string, number>();
  for (const q of questions?.answered ?? []) {
    const day = ENGLAND_DAY.format(new Date(q.approvedAt));
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
  }
  return [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([date, answers]) => ({ date, answers }));
}
