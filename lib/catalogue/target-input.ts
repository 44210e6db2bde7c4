// The "change the target from a month onwards" form: month and year (GOV.UK date pattern), the new
// target and tolerance (blank target = no target from that month), and the version the editor saw.
import { z } from "zod";
import { codeInput, expectedUpdatedAtInput } from "@/lib/catalogue/indicator-input";
import { optionalFigure } from "@/lib/catalogue/figure-input";
import { isTicked } from "@/lib/catalogue/form-values";

export const EARLIEST_TARGET_YEAR = 2000;
export const LATEST_TARGET_YEAR = 2100;

const monthParts = z.object({ month: z.string().optional(), year: z.string().optional() }).transform((v, ctx) => {
  const parsed = parseMonthParts(v.month, v.year);
  if (parsed.ok) return parsed.month;
  ctx.addIssue({ code: "custom", message: parsed.message });
  return z.NEVER;
});

const figuresParsed = (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
  !payload.issues.some((i) => ["target", "tolerance", "noTarget"].includes(String(i.path?.[0])));

// The month and year arrive as two fields; they are checked as one so the error names one field.
export const targetChangeInput = z.preprocess(
  (raw) =>
    raw && typeof raw === "object"
      ? {
          ...raw,
          fromMonth: { month: (raw as Record<string, unknown>).fromMonthMonth, year: (raw as Record<string, unknown>).fromMonthYear },
        }
      : raw,
  z
    .object({
      code: codeInput,
      expectedUpdatedAt: expectedUpdatedAtInput,
      fromMonth: monthParts,
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

/** "6" and "2019" -> "2019-06", with GOV.UK's date-input messages when they are not a real month. */
export function parseMonthParts(
  monthText: string | undefined,
  yearText: string | undefined,
): { ok: true; month: string } | { ok: false; message: string } {
  const m = (monthText ?? "").trim();
  const y = (yearText ?? "").trim();
  if (!m && !y) return { ok: false, message: "Enter the month the change starts from" };
  if (!m) return { ok: false, message: "The month the change starts from must include a month" };
  if (!y) return { ok: false, message: "The month the change starts from must include a year" };
  const month = /^\d{1,2}$/.test(m) ? Number(m) : NaN;
  if (!(month >= 1 && month <= 12)) return { ok: false, message: "The month must be a number from 1 to 12" };
  const year = /^\d{4}$/.test(y) ? Number(y) : NaN;
  if (!(year >= EARLIEST_TARGET_YEAR && year <= LATEST_TARGET_YEAR))
    return { ok: false, message: `The year must be 4 digits, from ${EARLIEST_TARGET_YEAR} to ${LATEST_TARGET_YEAR}` };
  return { ok: true, month: `${year}-${String(month).padStart(2, "0")}` };
}
