"use server";
// Sign-off, publication and amendment of a month's pack. Each parses its input and calls one
// domain function, which checks the director's permission and the period's state.
import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { failure, invalid, type ActionResult } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import { signOffPack } from "@/lib/pack/lifecycle/sign-off-pack";
import { publishPack } from "@/lib/pack/lifecycle/publish-pack";
import { startAmendment } from "@/lib/pack/lifecycle/start-amendment";

const packForm = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  expectedPeriodVersion: z.coerce.number().int().min(0),
  intent: z.enum(["signOff", "publish", "amend"]),
  reason: z.string().max(5000).optional(),
});

const DONE = { signOff: "signed-off", publish: "published", amend: "amending" } as const;

export async function packAction(_prev: ActionResult<null> | null, formData: FormData): Promise<ActionResult<null>> {
  const parsed = packForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  const { month, expectedPeriodVersion, intent, reason } = parsed.data;
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended: sign in again");
    if (intent === "signOff") await signOffPack(user, { month, expectedPeriodVersion });
    else if (intent === "publish") await publishPack(user, { month, expectedPeriodVersion });
    else await startAmendment(user, { month, expectedPeriodVersion, reason: reason ?? "" });
  } catch (e) {
    return failure(e);
  }
  redirect(`/periods/${month}?done=${DONE[intent]}`);
}
