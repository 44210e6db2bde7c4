// The one schema every piece of text a person sends starts from (form fields, JSON bodies, query
// strings). PostgreSQL cannot store U+0000 (NUL) in text or jsonb (error 22021), so a NUL, which only
// arrives pasted from another program or sent on purpose, is refused as a field error naming the field
// rather than reaching the database as a 500. Text damaged on its way is refused the same way, rather
// than stored as U+FFFD (see hasDamagedText).
import { z } from "zod";

export const hasNul = (s: string) => s.includes("\u0000");

export const nulMessage = (field: string) =>
  `${field} must not contain a NUL character (an invisible control character, often pasted from another program): delete it`;

/**
 * U+FFFD, or half of a UTF-16 surrogate pair. Bytes that are not valid UTF-8 reach us as U+FFFD (the
 * decoder's replacement character), and a lone surrogate (JSON's "\ud800") would be written to the
 * database as U+FFFD: either way the text is no longer what the person meant, so it is refused. A
 * U+FFFD typed on purpose is vanishingly rare; it is refused too, as there is no telling it apart.
 */
const DAMAGED = /\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const hasDamagedText = (s: string) => DAMAGED.test(s);

export const damagedTextMessage = (field: string) =>
  `${field} holds a character that could not be read (shown as \u{FFFD}, or half of a character): delete it and type it again`;

/**
 * A string without NUL or damaged characters; `field` is the field as its form labels it ("The
 * reason"). Chain the usual rules after it: text("The reason").trim().max(100, "...").optional().
 */
export function text(field: string, params?: Parameters<typeof z.string>[0]) {
  return z
    .string(params)
    .refine((s) => !hasNul(s), { message: nulMessage(field), abort: true })
    .refine((s) => !hasDamagedText(s), { message: damagedTextMessage(field), abort: true });
}
