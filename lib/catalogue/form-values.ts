// What admin forms send back after a failed save: the typed values (so nothing is lost, even after a
// conflict) and a token that changes on every answer so the form can re-mount with them.
import type { ActionResult } from "@/lib/action-result";

export type FormResult<T = undefined> = ActionResult<T> & { values?: Record<string, string>; at?: number };

/** The text fields of a submitted form, without Next's internal action fields. */
export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    out[key] = key in out ? `${out[key]},${value}` : value;
  }
  return out;
}

export function withValues<T>(result: ActionResult<T>, values: Record<string, string>): FormResult<T> {
  return { ...result, values, at: Date.now() };
}

/** An HTML checkbox sends "on" (or its value) when ticked and nothing when not. */
export const isTicked = (v: unknown) => v === "on" || v === "true" || v === true || v === "yes";
