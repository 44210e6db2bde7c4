// What the user forms and the create-admin command accept, parsed once with zod so the browser,
// the command line and the tests all meet the same rules and the same messages.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { ROLES } from "@/lib/auth/roles";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";

export const MAX_NAME_LENGTH = 120;

export const userNameSchema = text("The name", { error: "Enter the person's full name" })
  .trim()
  .min(1, "Enter the person's full name")
  .max(MAX_NAME_LENGTH, `The name must be ${MAX_NAME_LENGTH} characters or fewer`);

/** Emails are compared and stored in lower case, so "Dana@X" and "dana@x" are one account. */
export const userEmailSchema = text("The email address", { error: "Enter an email address" })
  .trim()
  .min(1, "Enter an email address")
  .max(254, "The email address must be 254 characters or fewer")
  .pipe(z.email("Enter an email address in the correct format, like name@example.org"))
  .transform((s) => s.toLowerCase());

export const roleSchema = z.enum(ROLES, { error: "Select a role" });

export const newUserSchema = z.object({ name: userNameSchema, email: userEmailSchema, role: roleSchema });
export type NewUserInput = z.input<typeof newUserSchema>;

export const passwordSchema = text("The password")
  .min(MIN_PASSWORD_LENGTH, `The password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024, "The password must be 1,024 characters or fewer");

/** The account a change is about, and its administrative version when the page was built (compare-and-set token). */
export const userVersionSchema = z.object({
  userId: z.uuid("The user was not found"),
  expectedVersion: z.coerce
    .number({ error: "Reload the page and try again" })
    .int("Reload the page and try again")
    .min(1, "Reload the page and try again"),
});
