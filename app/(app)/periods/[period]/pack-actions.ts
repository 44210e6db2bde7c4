"use server";
// Sign-off, publication and amendment of a month's pack: one form, one intent per button. The
// domain functions check the period's state against the lifecycle table.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { formAction, type ActionState } from "@/lib/define-action";
import { PERIOD_TRANSITIONS } from "@/lib/periods/period-lifecycle";
import { signOffPack } from "@/lib/pack/lifecycle/sign-off-pack";
import { publishPack } from "@/lib/pack/lifecycle/publish-pack";
import { startAmendment } from "@/lib/pack/lifecycle/start-amendment";
import { monthSchema } from "@/lib/validation/month";

const packForm = z.object({
  month: monthSchema(),
  expectedPeriodVersion: z.coerce.number().int().min(0),
  intent: z.enum(["signOff", "publish", "amend"]),
  reason: text("The reason").max(5000).optional(),
});

const DONE = { signOff: "signed-off", publish: "published", amend: "amending" } as const;

export type PackActionState = ActionState;

export const packAction = formAction({
  schema: packForm,
  permission: ({ intent }) => PERIOD_TRANSITIONS[intent].permission,
  signedOut: "Your session has ended: sign in again",
  run: async (user, { month, expectedPeriodVersion, intent, reason }) => {
    if (intent === "signOff") await signOffPack(user, { month, expectedPeriodVersion });
    else if (intent === "publish") await publishPack(user, { month, expectedPeriodVersion });
    else await startAmendment(user, { month, expectedPeriodVersion, reason: reason ?? "" });
  },
  done: (_r, { month, intent }) => ({ redirect: `/periods/${month}?done=${DONE[intent]}` }),
});
