// A panel member asks a question about a month's published pack: the whole pack, a section or one
// indicator. Refused once the month's question deadline has passed. Recorded with an audit event;
// the section's leads (a pack-wide question: the directors) are emailed after the commit.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { isMonth } from "@/lib/format/dates";
import { MAX_QUESTION_LENGTH } from "@/lib/questions/question-workflow";
import { whyQuestionsClosed } from "@/lib/questions/question-period";
import { notifyQuestionStep } from "@/lib/questions/notify-question";
import { normaliseText, tooLong } from "@/lib/questions/question-text";

/** What a question is about: "pack", "section:<slug>" or "indicator:<code>". */
export type QuestionAbout = { kind: "pack" } | { kind: "section"; slug: string } | { kind: "indicator"; code: string };

export type AskQuestionInput = { month: string; about: QuestionAbout; body: string };

export function parseAbout(raw: string | undefined | null): QuestionAbout | null {
  if (!raw || raw === "pack") return { kind: "pack" };
  const m = /^(section|indicator):([A-Za-z0-9_-]{1,64})$/.exec(raw);
  if (!m) return null;
  return m[1] === "section" ? { kind: "section", slug: m[2] } : { kind: "indicator", code: m[2] };
}

export const aboutValue = (a: QuestionAbout) =>
  a.kind === "pack" ? "pack" : a.kind === "section" ? `section:${a.slug}` : `indicator:${a.code}`;

/** The section and indicator a question is about, or NOT_FOUND naming what was not found. */
async function resolveAbout(about: QuestionAbout): Promise<{ sectionId: string | null; indicatorId: string | null; label: string }> {
  if (about.kind === "pack") return { sectionId: null, indicatorId: null, label: "the whole pack" };
  if (about.kind === "section") {
    const s = await db.section.findUnique({ where: { slug: about.slug }, select: { id: true, name: true } });
    if (!s) throw new AppError("VALIDATION", "There is a problem", { about: "Choose a section of this pack" });
    return { sectionId: s.id, indicatorId: null, label: s.name };
  }
  const i = await db.indicator.findUnique({ where: { code: about.code }, select: { id: true, name: true, sectionId: true, active: true } });
  if (!i || !i.active) throw new AppError("VALIDATION", "There is a problem", { about: "Choose an indicator in this pack" });
  return { sectionId: i.sectionId, indicatorId: i.id, label: i.name };
}

export async function askQuestion(user: SessionUser | null, input: AskQuestionInput, now = new Date()) {
  assertCan(user, "question.ask");
  const body = normaliseText(input.body);
  const errors: Record<string, string> = {};
  if (!body) errors.body = "Enter your question";
  else if (body.length > MAX_QUESTION_LENGTH) errors.body = tooLong("Your question", MAX_QUESTION_LENGTH, body.length);
  const period = isMonth(input.month)
    ? await db.period.findUnique({
        where: { month: input.month },
        select: {
          id: true,
          month: true,
          status: true,
          panelMeetingDate: true,
          packVersions: { where: { publishedAt: { not: null } }, select: { id: true } },
        },
      })
    : null;
  if (!period || !period.packVersions.length) throw new AppError("NOT_FOUND", "There is no published pack for that month");
  const closed = whyQuestionsClosed({ ...period, published: true }, now);
  if (closed) throw new AppError("INVALID_TRANSITION", closed);
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "There is a problem", errors);
  const about = await resolveAbout(input.about);

  const question = await db.$transaction(async (tx) => {
    const q = await tx.panelQuestion.create({
      data: {
        periodId: period.id,
        sectionId: about.sectionId,
        indicatorId: about.indicatorId,
        body,
        askedById: user.id,
        askedByName: user.name,
        askedAt: now,
      },
    });
    await recordAudit(tx, user, {
      action: "question.asked",
      entityType: "PanelQuestion",
      entityId: q.id,
      periodMonth: period.month,
      after: { about: aboutValue(input.about), status: "ASKED", length: body.length },
    });
    return q;
  });
  await notifyQuestionStep({ step: "asked", questionId: question.id, actor: user }).catch((e) =>
    console.error("Question notification failed", e),
  );
  return { id: question.id, month: period.month, about: about.label };
}
