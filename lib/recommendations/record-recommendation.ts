// The administrator (the council's scrutiny officer) records a recommendation the panel made at a
// month's meeting: its text, to whom it is addressed, and the indicators and sections it concerns.
// Its number is the next within that meeting; its response is due two calendar months after it.
import "server-only";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { formatDate, isMonth } from "@/lib/format/dates";
import { responseDue } from "@/lib/deadlines/panel-deadlines";
import { todayInEngland } from "@/lib/deadlines/working-days";
import { MAX_RECOMMENDATION_LENGTH } from "@/lib/recommendations/recommendation-workflow";
import { normaliseText, tooLong } from "@/lib/questions/question-text";
import { notifyRecommendation } from "@/lib/recommendations/notify-recommendation";

export type RecordRecommendationInput = {
  /** The month whose pack the meeting considered: its panel meeting is the recommendation's. */
  month: string;
  text: string;
  addressedTo: string;
  indicatorCodes: string[];
  sectionSlugs: string[];
};

export const MAX_ADDRESSEE_LENGTH = 200;

export async function recordRecommendation(user: SessionUser | null, input: RecordRecommendationInput, now = new Date()) {
  assertCan(user, "recommendation.record");
  const text = normaliseText(input.text);
  const addressedTo = normaliseText(input.addressedTo).replace(/\s+/g, " ");
  const errors: Record<string, string> = {};
  const period = isMonth(input.month)
    ? await db.period.findUnique({ where: { month: input.month }, select: { id: true, month: true, panelMeetingDate: true } })
    : null;
  if (!period?.panelMeetingDate) errors.month = "Choose the meeting the panel made the recommendation at";
  else if (period.panelMeetingDate.toISOString().slice(0, 10) > todayInEngland(now))
    errors.month = `The meeting on ${formatDate(period.panelMeetingDate)} has not happened yet: record its recommendations after it`;
  if (!text) errors.text = "Enter the recommendation";
  else if (text.length > MAX_RECOMMENDATION_LENGTH) errors.text = tooLong("The recommendation", MAX_RECOMMENDATION_LENGTH, text.length);
  if (!addressedTo) errors.addressedTo = "Enter who the recommendation is addressed to, such as the Cabinet Member for Children's Services";
  else if (addressedTo.length > MAX_ADDRESSEE_LENGTH)
    errors.addressedTo = tooLong("Who it is addressed to", MAX_ADDRESSEE_LENGTH, addressedTo.length);
  const [indicators, sections] = await Promise.all([
    db.indicator.findMany({ where: { code: { in: input.indicatorCodes } }, select: { id: true, code: true } }),
    db.section.findMany({ where: { slug: { in: input.sectionSlugs } }, select: { id: true, slug: true } }),
  ]);
  const unknownIndicator = input.indicatorCodes.find((c) => !indicators.some((i) => i.code === c));
  if (unknownIndicator) errors.indicators = `There is no indicator ${unknownIndicator}`;
  const unknownSection = input.sectionSlugs.find((s) => !sections.some((x) => x.slug === s));
  if (unknownSection) errors.sections = `There is no section ${unknownSection}`;
  if (Object.keys(errors).length || !period?.panelMeetingDate) throw new AppError("VALIDATION", "There is a problem", errors);
  const meetingDate = period.panelMeetingDate;
  const meeting = meetingDate.toISOString().slice(0, 10);

  // Two recorded at once may pick the same number: the unique key refuses the second, which tries again.
  for (let attempt = 1; ; attempt++) {
    try {
      const created = await db.$transaction(async (tx) => {
        const last = await tx.recommendation.findFirst({ where: { meetingDate }, orderBy: { number: "desc" }, select: { number: true } });
        const r = await tx.recommendation.create({
          data: {
            periodId: period.id,
            meetingDate,
            number: (last?.number ?? 0) + 1,
            text,
            addressedTo,
            responseDue: new Date(`${responseDue(meeting)}T00:00:00Z`),
            createdById: user.id,
            createdByName: user.name,
            createdAt: now,
            indicators: { create: indicators.map((i) => ({ indicatorId: i.id })) },
            sections: { create: sections.map((s) => ({ sectionId: s.id })) },
          },
        });
        await recordAudit(tx, user, {
          action: "recommendation.recorded",
          entityType: "Recommendation",
          entityId: r.id,
          periodMonth: period.month,
          after: {
            number: r.number,
            meeting,
            addressedTo,
            responseDue: responseDue(meeting),
            indicators: indicators.map((i) => i.code),
            sections: sections.map((s) => s.slug),
          },
        });
        return r;
      });
      await notifyRecommendation({ step: "recorded", id: created.id, actor: user }).catch((e) =>
        console.error("Recommendation notification failed", e),
      );
      return { id: created.id, number: created.number, meeting };
    } catch (e) {
      if (isUniqueViolation(e) && attempt < 3) continue;
      throw e;
    }
  }
}
