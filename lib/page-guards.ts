// Pages turn expected domain errors into the right page: 404 for what does not exist, 403 for what
// the user may not see. Anything else is a real error for error.tsx.
import { forbidden, notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

export async function loadForPage<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    if (isAppError(e) && e.code === "FORBIDDEN") forbidden();
    throw e;
  }
}
