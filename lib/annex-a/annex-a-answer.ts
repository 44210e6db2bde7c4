// What the Annex A route answers a script, and what a refused plain form post carries back to the
// upload page in its address: the file problem's code and the dates as typed, from which the page
// says the same messages again. Never text to show as given (a crafted link could say anything),
// and never anything read from the file.
import { z } from "zod";
import type { StoredAnnexA } from "@/lib/annex-a/stored-annex-a";
import { ANNEX_A_FILE_ERRORS, type AnnexAFileError } from "@/lib/annex-a/compute-annex-a";
import { parseAnnexADates, type AnnexADates } from "@/lib/annex-a/annex-a-input";

export function annexAAnswer(url: string, stored: StoredAnnexA) {
  return {
    ok: true,
    url,
    month: stored.month,
    asAt: stored.asAt,
    coversFrom: stored.coversFrom,
    fileSha256: stored.fileSha256,
    rulesVersion: stored.rulesVersion,
    population: stored.population,
    figures: stored.figures.map((f) => ({
      code: f.code,
      value: f.value,
      numerator: f.numerator,
      denominator: f.denominator,
      reason: f.reason,
      words: f.words,
    })),
    quality: stored.quality,
  };
}

export type AnnexARefusal = { file?: AnnexAFileError } & Partial<AnnexADates>;

const refusalParam = z.object({
  file: z.enum(Object.keys(ANNEX_A_FILE_ERRORS) as [AnnexAFileError, ...AnnexAFileError[]]).optional(),
  asAt: z.string().max(40).optional(),
  coversFrom: z.string().max(40).optional(),
});

export const annexARefusalParam = (refusal: AnnexARefusal) => JSON.stringify(refusal);

/** The refusal in the upload page's address as messages by field, with the dates as typed; null for anything else. */
export function readAnnexARefusal(
  month: string,
  param: string | undefined,
): { errors: Record<string, string>; typed: Partial<AnnexADates> } | null {
  if (!param) return null;
  try {
    const parsed = refusalParam.safeParse(JSON.parse(param));
    if (!parsed.success) return null;
    const { file, ...typed } = parsed.data;
    const dates = parseAnnexADates(month, typed);
    const errors: Record<string, string> = { ...(file ? { file: ANNEX_A_FILE_ERRORS[file] } : {}), ...(dates.ok ? {} : dates.fieldErrors) };
    return Object.keys(errors).length ? { errors, typed } : null;
  } catch {
    return null;
  }
}
