// The one schema every piece of text a person sends starts from (form fields, JSON bodies, query
// strings). PostgreSQL cannot store U+0000 (NUL) in text or jsonb (error 22021), so a NUL, which only
// arrives pasted from another program or sent on purpose, is refused as a field error naming the field
// rather than reaching the database as a 500.
import { z } from "zod";

export const hasNul = (s: string) => s.includes("\u0000");

export const nulMessage = (field: string) =>
  `${field} must not contain a NUL character (an invisible control character, often pasted from another program): delete it`;

/**
 * A string without NUL; `field` is the field as its form labels it ("The reason"). Chain the usual
 * rules after it: text("The reason").trim().max(100, "...").optional().
 */
export function text(field: string, params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine((s) => !hasNul(s), { message: nulMessage(field), abort: true });
}
