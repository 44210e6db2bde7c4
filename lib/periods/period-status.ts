// A period's status in words, with a GOV.UK tag colour that only supports the words.
import type { PeriodStatus } from "@/lib/generated/prisma/enums";

export const PERIOD_STATUS_LABEL: Record<PeriodStatus, string> = {
  OPEN: "Open",
  SIGNED_OFF: "Signed off",
  PUBLISHED: "Published",
  AMENDING: "Being amended",
  HISTORY: "History",
};

export const PERIOD_STATUS_TAG_CLASS: Record<PeriodStatus, string> = {
  OPEN: "", // the default GOV.UK tag, blue
  SIGNED_OFF: "govuk-tag--purple",
  PUBLISHED: "govuk-tag--green",
  AMENDING: "govuk-tag--orange",
  HISTORY: "govuk-tag--grey",
};
