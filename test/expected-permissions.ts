// The permission table as the tests expect it, written out by hand and never read from
// lib/auth/permissions.ts: a wrong row there must disagree with this one. Used by the table's own
// test (lib/auth/permissions.test.ts) and by the permission walk (test/permission-walk.test.ts).
import type { Role } from "@/lib/generated/prisma/enums";

/** The columns of EXPECTED_PERMISSIONS, in order. */
export const EXPECTED_COLUMNS = ["ADMIN", "SERVICE_LEAD", "DIRECTOR", "PANEL_MEMBER"] as const satisfies readonly Role[];

export const EXPECTED_PERMISSIONS: Readonly<Record<string, string>> = {
  //                         ADMIN LEAD DIRECTOR PANEL
  "home.view": "Y Y Y Y",
  "account.changeOwnPassword": "Y Y Y Y",
  "account.secondFactor": "Y Y Y Y",
  "admin.view": "Y - - -",
  "indicator.manage": "Y - - -",
  "section.manage": "Y - - -",
  "user.manage": "Y - - -",
  "user.allowLocalSignIn": "Y - - -",
  "audit.view": "Y - - -",
  "reminders.send": "Y - - -",
  "period.open": "Y - - -",
  "period.view": "Y Y Y -",
  "value.edit": "Y Y - -",
  "value.import": "Y - - -",
  "population.manage": "Y - - -",
  "national.manage": "Y - - -",
  "commentary.view": "Y Y Y -",
  "commentary.draft": "Y Y - -",
  "commentary.submit": "Y Y - -",
  "commentary.review": "- - Y -",
  "exceptionAction.manage": "Y Y - -",
  "pack.preview": "Y Y Y -",
  "pack.signOff": "- - Y -",
  "pack.publish": "- - Y -",
  "pack.amend": "- - Y -",
  "pack.readPublished": "Y Y Y Y",
  "pack.verifyIntegrity": "Y - Y -",
  "question.ask": "- - - Y",
  "question.answer": "- Y Y -",
  "question.review": "- - Y -",
  "question.viewAll": "Y Y Y -",
  "recommendation.record": "Y - - -",
  "recommendation.respond": "- - Y -",
  "recommendation.view": "Y Y Y Y",
};

/** Whether the expected table lets `role` do `action`; an action missing from it is a mistake in the test. */
export function expectedToAllow(role: Role, action: string): boolean {
  const row = EXPECTED_PERMISSIONS[action];
  if (!row) throw new Error(`${action} is not in the expected permission table (test/expected-permissions.ts)`);
  const column = EXPECTED_COLUMNS.indexOf(role);
  if (column < 0) throw new Error(`${role} is not a column of the expected permission table`);
  const cell = row.split(/\s+/)[column];
  if (cell !== "Y" && cell !== "-") throw new Error(`${action}: "${row}" is not four Y or - marks`);
  return cell === "Y";
}
