// The internal steps worked back from the meeting, as data. Councils set their own plan with
// DEADLINE_PLAN (working days before the meeting, e.g. "values=15,commentary=12,approval=9");
// publication is always the statutory date, which no plan can move later.
import type { Role } from "@/lib/generated/prisma/enums";
import { STATUTORY_CLEAR_DAYS } from "./clear-days";

export const STEP_KEYS = ["values", "commentary", "approval", "publication"] as const;
export type StepKey = (typeof STEP_KEYS)[number];
export type StepPlan = Record<Exclude<StepKey, "publication">, number>;

export const DEFAULT_STEP_PLAN: StepPlan = { values: 15, commentary: 12, approval: 9 };

/** What each step is called, and who owes it (they see it on their home page and get the reminder). */
export const STEP_INFO: Record<StepKey, { label: string; owedBy: Role; owedByLabel: string }> = {
  values: { label: "Values in", owedBy: "ADMIN", owedByLabel: "Administrators" },
  commentary: { label: "Commentary submitted", owedBy: "SERVICE_LEAD", owedByLabel: "Service leads" },
  approval: { label: "Commentary approved", owedBy: "DIRECTOR", owedByLabel: "Director" },
  publication: { label: "Signed off and published", owedBy: "DIRECTOR", owedByLabel: "Director" },
};

/** The earliest an internal step may fall: the working day before the statutory publication date. */
const MIN_OFFSET = STATUTORY_CLEAR_DAYS + 2;
const MAX_OFFSET = 60;

/** Parses DEADLINE_PLAN; every key is optional, the order must run values, commentary, approval. */
export function parseStepPlan(raw: string | undefined): StepPlan {
  const plan = { ...DEFAULT_STEP_PLAN };
  if (!raw?.trim()) return plan;
  for (const part of raw.split(",")) {
    const m = /^\s*(values|commentary|approval)\s*=\s*(\d+)\s*$/.exec(part);
    if (!m) throw new Error(`DEADLINE_PLAN: "${part.trim()}" is not like "values=15" (steps: values, commentary, approval)`);
    const n = Number(m[2]);
    if (n < MIN_OFFSET || n > MAX_OFFSET)
      throw new Error(
        `DEADLINE_PLAN: ${m[1]} must be between ${MIN_OFFSET} and ${MAX_OFFSET} working days before the meeting (publication is ${STATUTORY_CLEAR_DAYS + 1})`,
      );
    plan[m[1] as keyof StepPlan] = n;
  }
  if (!(plan.values > plan.commentary && plan.commentary > plan.approval)) {
    throw new Error(
      `DEADLINE_PLAN: the steps must come in order, values before commentary before approval (got values=${plan.values}, commentary=${plan.commentary}, approval=${plan.approval})`,
    );
  }
  return plan;
}

let cached: { raw: string | undefined; plan: StepPlan } | undefined;
export function configuredStepPlan(): StepPlan {
  const raw = process.env.DEADLINE_PLAN;
  if (!cached || cached.raw !== raw) cached = { raw, plan: parseStepPlan(raw) };
  return cached.plan;
}
