"use server";
// Form posts for actions on exceptions, from the section page. Each parses its input and calls one
// domain function, which checks who may do what (the section's leads, while its commentary is with them).
import { z } from "zod";
import { formAction } from "@/lib/define-action";
import { changeActionInput, readDueDate, recordActionFields } from "@/lib/exception-actions/action-input";
import { changeExceptionAction, recordExceptionAction } from "@/lib/exception-actions/change-exception-action";

const slug = z.string().regex(/^[a-z0-9-]{1,100}$/, "There is no such section");
const back = (input: { month: string; slug: string }, done: string) =>
  `/periods/${input.month}/sections/${input.slug}?done=${done}#actions`;

export const recordActionAction = formAction({
  schema: z.preprocess(readDueDate, recordActionFields.extend({ slug })),
  permission: "exceptionAction.manage",
  keepValues: true,
  run: (user, input) => recordExceptionAction(user, input),
  done: (_action, input) => ({ redirect: back(input, "action-recorded") }),
});

export const changeActionAction = formAction({
  schema: changeActionInput.extend({ slug }),
  permission: "exceptionAction.manage",
  run: (user, input) => changeExceptionAction(user, input),
  done: (_result, input) => ({ redirect: back(input, `action-${input.change}`) }),
});
