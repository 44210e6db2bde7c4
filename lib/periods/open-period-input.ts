// What the "Open a period" form sends, parsed the same way by the server action and the domain
// function. Dates come from a date field (YYYY-MM-DD) or typed as people write them (26/9/2019).
import { z } from "zod";
import { monthSchema } from "@/lib/validation/month";

/** "2019-09-26" or "26/9/2019" (also with - or . between) to "2019-09-26"; null when not a real date. */
export function parseDateInput(raw: string): string | null {
  const text = raw.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(text)))
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export const openPeriodInput = z.object({
  month: z.string({ message: "Enter the month" }).trim().min(1, "Enter the month").pipe(monthSchema()),
  panelMeetingDate: z
    .string({ message: "Enter the panel meeting date" })
    .trim()
    .min(1, "Enter the panel meeting date")
    .transform((s, ctx) => {
      const iso = parseDateInput(s);
      if (!iso) {
        ctx.addIssue({ code: "custom", message: "Panel meeting date must be a real date, like 2019-09-26" });
        return z.NEVER;
      }
      return iso;
    }),
});

export type OpenPeriodInput = z.input<typeof openPeriodInput>;
