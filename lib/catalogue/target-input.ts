// The "change the target from a month onwards" form: month and year (GOV.UK date pattern), the new
// target and tolerance (blank target = no target from that month), and the version the editor saw.
import { z } from "zod";
import { codeInput, expectedUpdatedAtInput } from "@/lib/catalogue/indicator-input";
import { optionalFigure } from "@/lib/catalogue/figure-input";
import { isTicked } from "@/lib/catalogue/form-values";
import { datePartsField, withDateParts } from "@/lib/validation/date-parts";

const FROM_MONTH_LABEL = "The month the change starts from";
export const EARLIEST_TARGET_YEAR = 2000;
export const LATEST_TARGET_YEAR = 2100;

// GOV.UK's messages from the one date-input reader, then the years a target may sensibly start in.
const fromMonthField = datePartsField("month", FROM_MONTH_LABEL).refine(
  (month) => Number(month.slice(0, 4)) >= EARLIEST_TARGET_YEAR && Number(month.slice(0, 4)) <= LATEST_TARGET_YEAR,
  `The year must be from ${EARLIEST_TARGET_YEAR} to ${LATEST_TARGET_YEAR}`,
);

const figuresParsed = (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
  !payload.issues.some((i) => ["target", "tolerance", "noTarget"].includes(String(i.path?.[0])));

// The month and year arrive as two boxes ("fromMonth-month", "fromMonth-year"), checked as one field.
export const targetChangeInput = z.preprocess(
  withDateParts(["fromMonth"]),
  z
    .object({
      code: codeInput,
      expectedUpdatedAt: expectedUpdatedAtInput,
      fromMonth: fromMonthField,
      target: optionalFigure("The target"),
      tolerance: optionalFigure("The tolerance"),
      noTarget: z.unknown().optional().transform(isTicked),
    })
    // Removing a target is a deliberate choice, never the result of a field left blank. These run
    // even when the month has a problem, so every error shows at once.
    .superRefine(
      (v, ctx) => {
        if (v.noTarget && v.target !== null)
          ctx.addIssue({ code: "custom", path: ["target"], message: "Leave the target blank when you choose no target from this month" });
        if (v.noTarget && v.tolerance !== null)
          ctx.addIssue({
            code: "custom",
            path: ["tolerance"],
            message: "Leave the tolerance blank when you choose no target from this month",
          });
        if (!v.noTarget && v.target === null)
          ctx.addIssue({ code: "custom", path: ["target"], message: "Enter the new target, or choose no target from this month" });
      },
      { when: figuresParsed },
    )
    .transform(({ noTarget: _, ...v }) => v),
);

export type TargetChangeInput = z.infer<typeof targetChangeInput>;
