// Numbers typed into the target and comparator forms. The form parse accepts any non-negative number
// as people write it ("1,337", "58%"); the domain then applies the indicator's own unit and decimals.
import { z } from "zod";
import { checkValue } from "@/lib/values/validate-value";

const LOOSE = { unit: "RATE_PER_10K", decimals: 3 } as const;

/** Blank means "none"; otherwise a number of 0 or more with at most 3 decimal places. */
export function optionalFigure(label: string) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const text = (raw ?? "").trim().replace(/\s*%$/, "");
      if (text === "") return null;
      const check = checkValue(text, LOOSE);
      if (!check.ok) {
        ctx.addIssue({ code: "custom", message: `${label} ${check.reason}` });
        return z.NEVER;
      }
      return check.value;
    });
}

export function requiredFigure(label: string) {
  return optionalFigure(label).transform((v, ctx) => {
    if (v === null) {
      ctx.addIssue({ code: "custom", message: `Enter the ${label.toLowerCase()}` });
      return z.NEVER;
    }
    return v;
  });
}
