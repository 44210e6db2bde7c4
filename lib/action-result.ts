// What every server action returns, so forms can show a GOV.UK error summary linked to fields.
import { z } from "zod";
import { isAppError } from "@/lib/errors";

/**
 * One shape for every action: `{ ok: true, data }` or `{ ok: false, message, fieldErrors }`. `values`
 * carries the typed text back after a refusal (so nothing is lost, even after a conflict) and `at`
 * changes on every answer, so a form can re-mount with them. `X` is anything else one form needs.
 */
export type ActionResult<T = undefined, X extends object = object> = (
  | { ok: true; data: T; message?: string }
  | ({ ok: false; message: string; fieldErrors: Record<string, string>; code?: string } & Partial<X>)
) & { values?: Record<string, string>; at?: number };

export const GENERIC_ERROR = "Sorry, something went wrong. Try again, and if it keeps happening tell your administrator.";

/** Field errors from a zod failure, keyed by the first path segment (the form field name). */
export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}

export function invalid(error: z.ZodError): ActionResult<never> {
  return { ok: false, message: "There is a problem", fieldErrors: zodFieldErrors(error), code: "VALIDATION" };
}

/**
 * Turns an error thrown by a domain function into a result for the form. Expected errors keep their
 * message; unexpected ones are logged with detail and shown as a plain message.
 */
export function failure(e: unknown): ActionResult<never> {
  if (isAppError(e)) return { ok: false, message: e.message, fieldErrors: e.fieldErrors, code: e.code };
  console.error("Unexpected error in a server action", e);
  return { ok: false, message: GENERIC_ERROR, fieldErrors: {} };
}

/** One text field of a submitted form: "" when it is missing or is a file. */
export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** The text fields of a submitted form, without Next's internal action fields. */
export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    out[key] = key in out ? `${out[key]},${value}` : value;
  }
  return out;
}
