// Where a computed value came from, kept with the value (IndicatorValue.provenance), frozen with the
// pack at sign-off and shown in its "Definitions and sources". Nothing in it is about a child: the
// dates the lists were extracted and cover from, the file's SHA-256, the rules' version and the
// figure's numerator and denominator.
import { z } from "zod";
import { dayOfIso, longDate } from "@/lib/annex-a/calendar";

export const valueProvenanceSchema = z.object({
  kind: z.literal("annex-a"),
  asAt: z.iso.date(),
  coversFrom: z.iso.date(),
  fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
  rulesVersion: z.string().max(40),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** "363 of 428 assessments". */
  words: z.string().max(300),
  rule: z.string().max(1000),
  computedAt: z.iso.datetime(),
});
export type ValueProvenance = z.infer<typeof valueProvenanceSchema>;

/**
 * As the pack freezes it (snapshot schema 5): the working (numerator, denominator, words) is left
 * out where it would reveal a small number the pack suppresses.
 */
export const packProvenanceSchema = valueProvenanceSchema.extend({ words: z.string().max(300).nullable() });
export type PackProvenance = z.infer<typeof packProvenanceSchema>;

/** Small numbers (1 to `max`) are not shown for an indicator that suppresses them, in its value or in its working. */
export function provenanceForPack(
  p: ValueProvenance | null,
  rules: { suppressSmallNumbers: boolean; valueSuppressed: boolean },
  max: number,
): PackProvenance | null {
  if (!p) return null;
  const small = (x: number | null) => x !== null && x >= 1 && x <= max;
  const hide = rules.valueSuppressed || (rules.suppressSmallNumbers && (small(p.numerator) || small(p.denominator)));
  return hide ? { ...p, numerator: null, denominator: null, words: null } : p;
}

/** The stored JSON as provenance, or null for a typed or imported value (or anything unreadable). */
export function readProvenance(json: unknown): ValueProvenance | null {
  const parsed = valueProvenanceSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** "Computed from Annex A lists as at 31 March 2020 (file SHA-256 1a2b3c4d..., rules version 2026-12.1)". */
export function describeProvenance(p: Pick<ValueProvenance, "asAt" | "fileSha256" | "rulesVersion">): string {
  return `Computed from Annex A lists as at ${longDate(dayOfIso(p.asAt))} (file SHA-256 ${p.fileSha256.slice(0, 12)}…, rules version ${p.rulesVersion})`;
}

/** The same with its working: "…: 363 of 428 assessments. Rule: …". */
export function describeProvenanceInFull(p: PackProvenance): string {
  return `${describeProvenance(p)}, covering from ${longDate(dayOfIso(p.coversFrom))}${p.words ? `: ${p.words}` : ""}. Rule: ${p.rule}`;
}
