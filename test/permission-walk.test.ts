// The permission walk: every server action and route handler, as every role and signed out, gets
// the outcome the expected table says (deny by default): test/expected-permissions.ts, written out
// by hand, so a wrong row in lib/auth/permissions.ts shows here. Each entry names the domain function
// its action calls (checked against the action's source) and calls that function with the input
// the action's own zod schema makes. A new action or route file the walk does not know fails it.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Action } from "@/lib/auth/permissions";
import { ROLES, type SessionUser } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { createPeriod, createSection, createTestUser, unique, uniqueMonth } from "@/test/factories";
import { indicatorForm, uniqueCode } from "@/test/catalogue-fixtures";
import { csvFile } from "@/test/import-files";
import { addUser } from "@/lib/users/add-user";
import { newUserSchema } from "@/lib/users/user-input";
import { reactivateUser } from "@/lib/users/reactivate-user";
import { unlockUser } from "@/lib/users/unlock-user";
import { setLocalSignInAllowed } from "@/lib/users/allow-local-sign-in";
import { deactivateUser } from "@/lib/users/deactivate-user";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { changeUserRole } from "@/lib/users/change-user-role";
import { updateIndicator } from "@/lib/catalogue/update-indicator";
import { indicatorChangeInput, newIndicatorInput } from "@/lib/catalogue/indicator-input";
import { changeIndicatorTarget } from "@/lib/catalogue/change-indicator-target";
import { targetChangeInput } from "@/lib/catalogue/target-input";
import { addComparator } from "@/lib/catalogue/add-comparator";
import { updateComparator } from "@/lib/catalogue/update-comparator";
import { removeComparator } from "@/lib/catalogue/remove-comparator";
import { comparatorChangeInput, comparatorRemovalInput, newComparatorInput } from "@/lib/catalogue/comparator-input";
import { createIndicator } from "@/lib/catalogue/create-indicator";
import { renameSection } from "@/lib/sections/rename-section";
import { setSectionOwners } from "@/lib/sections/set-section-owners";
import { moveSection } from "@/lib/sections/move-section";
import { createSection as createSectionFn } from "@/lib/sections/create-section";
import { newSectionInput, sectionMoveInput, sectionOwnersInput, sectionRenameInput } from "@/lib/sections/section-input";
import { openPeriod } from "@/lib/periods/open-period";
import { importNationalData } from "@/lib/national/import-national-data";
import { setCouncilLaNumber } from "@/lib/national/council-setting";
import { linkIndicatorMeasure } from "@/lib/national/link-indicator-measure";
import { previewHistoryImport } from "@/lib/import/history/preview-history-import";
import { confirmHistoryImport } from "@/lib/import/history/confirm-history-import";
import { openPeriodInput } from "@/lib/periods/open-period-input";
import { transitionCommentary } from "@/lib/commentary/transition-commentary";
import { autosaveCommentary } from "@/lib/commentary/autosave-commentary";
import { changeExceptionAction, recordExceptionAction } from "@/lib/exception-actions/change-exception-action";
import { sendRemindersNow } from "@/lib/reminders/send-reminders-now";
import { saveChildPopulation } from "@/lib/population/save-child-population";
import { removeChildPopulation } from "@/lib/population/remove-child-population";
import { childPopulationInput, childPopulationRemovalInput } from "@/lib/population/population-input";
import { planMeetings } from "@/lib/calendar/plan-meetings";
import { buildMeetingFeed, findLatestPublishedMonth } from "@/lib/calendar/meeting-feed";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { disableSecondFactor, enableSecondFactor } from "@/lib/users/second-factor";
import { saveValue } from "@/lib/values/save-value";
import { confirmImport } from "@/lib/import/confirm-import";
import { discardImport } from "@/lib/import/discard-import";
import { previewImport } from "@/lib/import/preview-import";
import { signOffPack } from "@/lib/pack/lifecycle/sign-off-pack";
import { publishPack } from "@/lib/pack/lifecycle/publish-pack";
import { startAmendment } from "@/lib/pack/lifecycle/start-amendment";
import { exportPack } from "@/lib/pack/delivery/export-pack";
import { getPackPdf } from "@/lib/pack/delivery/pdf-pack";
import { findPackView } from "@/lib/pack/delivery/find-pack";
import { exportAuditCsv } from "@/lib/audit/export-audit-csv";
import { exportMonthValuesCsv } from "@/lib/values/month-values-csv";
import { previewAnnexA } from "@/lib/annex-a/preview-annex-a";
import { confirmAnnexA } from "@/lib/annex-a/confirm-annex-a";
import { expectedToAllow } from "@/test/expected-permissions";

const ROOT = path.resolve(import.meta.dirname, "..");
const NO_ID = "00000000-0000-4000-8000-000000000000";
const LONG_AGO = "2000-01-01T00:00:00.000Z";
const parse = <T>(schema: { parse: (v: unknown) => T }, value: unknown) => schema.parse(value);

type Actor = SessionUser | null;
type World = { lead: SessionUser; otherLead: SessionUser; sectionSlug: string; indicatorId: string; month: string };
type Step = {
  /** file#export, or file#METHOD for route handlers. */
  endpoints: string[];
  /** The domain function the endpoint calls; its source must call it. */
  calls: string;
  permission: Action | "public";
  /** Leads may only act on sections they own: the walk runs one that owns it and one that does not. */
  sectionScoped?: boolean;
  /** Domain functions typed for a signed-in user only: the action wrapper refuses a signed-out one. */
  signedOutCheckedInAction?: boolean;
  run?: (actor: Actor, w: World) => Promise<unknown>;
};

const A = "app/(app)";
const FRONT_HANDLER = "lib/pack/delivery/serve-pack-request.ts#servePackRequest";
const WALK: Step[] = [
  {
    endpoints: [`${A}/admin/users/new/actions.ts#addUserAction`],
    calls: "addUser",
    permission: "user.manage",
    run: (u) => addUser(u, parse(newUserSchema, { name: "Walk Person", email: `${unique("walk")}@test.example`, role: "PANEL_MEMBER" })),
  },
  {
    endpoints: [`${A}/admin/users/[id]/actions.ts#reactivateUserAction`],
    calls: "reactivateUser",
    permission: "user.manage",
    run: (u) => reactivateUser(u, { userId: NO_ID, expectedVersion: 1 }),
  },
  {
    endpoints: [`${A}/admin/users/[id]/actions.ts#unlockUserAction`],
    calls: "unlockUser",
    permission: "user.manage",
    run: (u) => unlockUser(u, { userId: NO_ID, expectedVersion: 1 }),
  },
  {
    endpoints: [`${A}/admin/users/[id]/actions.ts#allowLocalSignInAction`, `${A}/admin/users/[id]/actions.ts#refuseLocalSignInAction`],
    calls: "setLocalSignInAllowed",
    permission: "user.allowLocalSignIn",
    run: (u) => setLocalSignInAllowed(u, { userId: NO_ID, expectedVersion: 1 }, true),
  },
  {
    endpoints: [`${A}/admin/users/[id]/deactivate/actions.ts#deactivateUserAction`],
    calls: "deactivateUser",
    permission: "user.manage",
    run: (u) => deactivateUser(u, { userId: NO_ID, expectedVersion: 1 }),
  },
  {
    endpoints: [`${A}/admin/users/[id]/reset-password/actions.ts#resetPasswordAction`],
    calls: "resetUserPassword",
    permission: "user.manage",
    run: (u) => resetUserPassword(u, { userId: NO_ID, expectedVersion: 1 }),
  },
  {
    endpoints: [`${A}/admin/users/[id]/role/actions.ts#changeRoleAction`],
    calls: "changeUserRole",
    permission: "user.manage",
    run: (u) => changeUserRole(u, { userId: NO_ID, expectedVersion: 1, role: "DIRECTOR" }),
  },
  {
    endpoints: [`${A}/admin/indicators/[code]/actions.ts#updateIndicatorAction`],
    calls: "updateIndicator",
    permission: "indicator.manage",
    run: (u) =>
      updateIndicator(u, parse(indicatorChangeInput, indicatorForm(NO_ID, { code: uniqueCode("NONE"), expectedUpdatedAt: LONG_AGO }))),
  },
  {
    endpoints: [`${A}/admin/indicators/[code]/target/actions.ts#changeTargetAction`],
    calls: "changeIndicatorTarget",
    permission: "indicator.manage",
    run: (u) =>
      changeIndicatorTarget(
        u,
        parse(targetChangeInput, {
          code: uniqueCode("NONE"),
          expectedUpdatedAt: LONG_AGO,
          "fromMonth-month": "1",
          "fromMonth-year": "2099",
          target: "50",
          tolerance: "",
        }),
      ),
  },
  {
    endpoints: [`${A}/admin/indicators/[code]/comparators/actions.ts#addComparatorAction`],
    calls: "addComparator",
    permission: "indicator.manage",
    run: (u) =>
      addComparator(
        u,
        parse(newComparatorInput, {
          code: uniqueCode("NONE"),
          expectedUpdatedAt: LONG_AGO,
          label: "England",
          periodLabel: "2018-19",
          value: "12",
        }),
      ),
  },
  {
    endpoints: [`${A}/admin/indicators/[code]/comparators/actions.ts#updateComparatorAction`],
    calls: "updateComparator",
    permission: "indicator.manage",
    run: (u) =>
      updateComparator(
        u,
        parse(comparatorChangeInput, {
          id: NO_ID,
          code: uniqueCode("NONE"),
          expectedUpdatedAt: LONG_AGO,
          label: "England",
          periodLabel: "2018-19",
          value: "12",
        }),
      ),
  },
  {
    endpoints: [`${A}/admin/indicators/[code]/comparators/actions.ts#removeComparatorAction`],
    calls: "removeComparator",
    permission: "indicator.manage",
    run: (u) => removeComparator(u, parse(comparatorRemovalInput, { id: NO_ID, code: uniqueCode("NONE"), expectedUpdatedAt: LONG_AGO })),
  },
  {
    endpoints: [`${A}/admin/indicators/new/actions.ts#createIndicatorAction`],
    calls: "createIndicator",
    permission: "indicator.manage",
    run: (u) => createIndicator(u, parse(newIndicatorInput, indicatorForm(NO_ID, { code: uniqueCode("WALK") }))),
  },
  {
    endpoints: [`${A}/admin/sections/[slug]/actions.ts#renameSectionAction`],
    calls: "renameSection",
    permission: "section.manage",
    run: (u) => renameSection(u, parse(sectionRenameInput, { id: NO_ID, name: "Walked", expectedUpdatedAt: LONG_AGO })),
  },
  {
    endpoints: [`${A}/admin/sections/[slug]/actions.ts#setSectionOwnersAction`],
    calls: "setSectionOwners",
    permission: "section.manage",
    run: (u) => setSectionOwners(u, parse(sectionOwnersInput, { id: NO_ID, ownerIds: [], expectedUpdatedAt: LONG_AGO })),
  },
  {
    endpoints: [`${A}/admin/sections/actions.ts#moveSectionAction`],
    calls: "moveSection",
    permission: "section.manage",
    run: (u) => moveSection(u, parse(sectionMoveInput, { id: NO_ID, direction: "up" })),
  },
  {
    endpoints: [`${A}/admin/sections/new/actions.ts#createSectionAction`],
    calls: "createSection",
    permission: "section.manage",
    run: (u) => createSectionFn(u, parse(newSectionInput, { name: unique("Walk section") })),
  },
  {
    endpoints: [`${A}/periods/actions.ts#openPeriodAction`],
    calls: "openPeriod",
    permission: "period.open",
    run: (u) => openPeriod(u, parse(openPeriodInput, { month: uniqueMonth(), panelMeetingDate: "2101-03-01" })),
  },
  {
    endpoints: [`${A}/periods/[period]/values/actions.ts#saveValueAction`],
    calls: "saveValue",
    permission: "value.edit",
    sectionScoped: true,
    run: (u, w) => saveValue(u, { month: w.month, indicatorId: w.indicatorId, expectedRevision: 0, value: "not a number" }),
  },
  {
    endpoints: [`${A}/periods/[period]/sections/[slug]/actions.ts#commentaryAction`],
    calls: "transitionCommentary",
    permission: "commentary.draft",
    sectionScoped: true,
    signedOutCheckedInAction: true,
    run: (u, w) => transitionCommentary(u!, { month: w.month, slug: w.sectionSlug, action: "save", expectedVersion: 999, body: "Walk" }),
  },
  {
    endpoints: [`${A}/periods/[period]/sections/[slug]/actions.ts#autosaveAction`],
    calls: "autosaveCommentary",
    permission: "commentary.draft",
    sectionScoped: true,
    signedOutCheckedInAction: true,
    run: (u, w) => autosaveCommentary(u!, { month: w.month, slug: w.sectionSlug, expectedVersion: 999, body: "Walk" }),
  },
  {
    endpoints: [`${A}/periods/[period]/sections/[slug]/exception-actions.ts#recordActionAction`],
    calls: "recordExceptionAction",
    permission: "exceptionAction.manage",
    sectionScoped: true,
    run: async (u, w) =>
      recordExceptionAction(u, {
        month: w.month,
        code: (await db.indicator.findUniqueOrThrow({ where: { id: w.indicatorId } })).code,
        description: "Walk",
        ownerName: "Walker",
        dueDate: "2019-10-31",
      }),
  },
  {
    endpoints: [`${A}/periods/[period]/sections/[slug]/exception-actions.ts#changeActionAction`],
    calls: "changeExceptionAction",
    permission: "exceptionAction.manage",
    run: (u, w) => changeExceptionAction(u, { month: w.month, id: NO_ID, expectedVersion: 1, change: "complete" }),
  },
  {
    endpoints: [`${A}/periods/[period]/import/[batchId]/actions.ts#confirmImportAction`],
    calls: "confirmImport",
    permission: "value.import",
    run: (u) => confirmImport(u, NO_ID),
  },
  {
    endpoints: [`${A}/periods/[period]/import/[batchId]/actions.ts#discardImportAction`],
    calls: "discardImport",
    permission: "value.import",
    run: (u) => discardImport(u, NO_ID),
  },
  {
    endpoints: ["app/api/periods/[period]/imports/route.ts#POST"],
    calls: "previewImport",
    permission: "value.import",
    run: (u) => previewImport(u, uniqueMonth(), csvFile("code,value\nNOPE,1\n")),
  },
  {
    endpoints: [`${A}/periods/[period]/import/annex-a/[batchId]/actions.ts#confirmAnnexAAction`],
    calls: "confirmAnnexA",
    permission: "value.import",
    run: (u) => confirmAnnexA(u, NO_ID),
  },
  {
    endpoints: ["app/api/periods/[period]/annex-a/route.ts#POST"],
    calls: "previewAnnexA",
    permission: "value.import",
    run: (u) => previewAnnexA(u, uniqueMonth(), { file: { bytes: new TextEncoder().encode("not a workbook"), fileName: "lists.xlsx" } }),
  },
  {
    endpoints: ["app/api/periods/[period]/values.csv/route.ts#GET"],
    calls: "exportMonthValuesCsv",
    permission: "period.view",
    run: (u, w) => exportMonthValuesCsv(u, w.month),
  },
  {
    endpoints: [`${A}/periods/history-import/[batchId]/actions.ts#confirmHistoryImportAction`],
    calls: "confirmHistoryImport",
    permission: "value.import",
    run: (u) => confirmHistoryImport(u, NO_ID),
  },
  {
    endpoints: ["app/api/history-imports/route.ts#POST"],
    calls: "previewHistoryImport",
    permission: "value.import",
    run: (u) => previewHistoryImport(u, csvFile("code,Apr-19\nNOPE,1\n")),
  },
  {
    endpoints: ["app/api/national-data/route.ts#POST"],
    calls: "importNationalData",
    permission: "national.manage",
    run: (u) => importNationalData(u, { bytes: new TextEncoder().encode("x"), fileName: "x.csv" }),
  },
  {
    endpoints: [`${A}/admin/national/actions.ts#setLaNumberAction`],
    calls: "setCouncilLaNumber",
    permission: "national.manage",
    run: (u) => setCouncilLaNumber(u, { laNumber: "999", borrowed: false }),
  },
  {
    endpoints: [`${A}/admin/national/actions.ts#linkMeasureAction`],
    calls: "linkIndicatorMeasure",
    permission: "national.manage",
    run: (u) => linkIndicatorMeasure(u, { indicatorId: NO_ID, measureCode: null }),
  },
  {
    endpoints: [`${A}/admin/population/actions.ts#saveChildPopulationAction`],
    calls: "saveChildPopulation",
    permission: "population.manage",
    run: (u) => saveChildPopulation(u, parse(childPopulationInput, { year: "2019", count: "50,000", source: "Walk" })),
  },
  {
    endpoints: [`${A}/admin/population/actions.ts#removeChildPopulationAction`],
    calls: "removeChildPopulation",
    permission: "population.manage",
    run: (u) => removeChildPopulation(u, parse(childPopulationRemovalInput, { year: "1990" })),
  },
  {
    endpoints: [`${A}/periods/[period]/pack-actions.ts#packAction`],
    calls: "signOffPack",
    permission: "pack.signOff",
    signedOutCheckedInAction: true,
    run: (u) => signOffPack(u!, { month: uniqueMonth(), expectedPeriodVersion: 0 }),
  },
  {
    endpoints: [],
    calls: "publishPack",
    permission: "pack.publish",
    signedOutCheckedInAction: true,
    run: (u) => publishPack(u!, { month: uniqueMonth(), expectedPeriodVersion: 0 }),
  },
  {
    endpoints: [],
    calls: "startAmendment",
    permission: "pack.amend",
    signedOutCheckedInAction: true,
    run: (u) => startAmendment(u!, { month: uniqueMonth(), expectedPeriodVersion: 0, reason: "Walk" }),
  },
  {
    endpoints: ["app/api/packs/[period]/export/[format]/route.ts#GET"],
    calls: "exportPack",
    permission: "pack.readPublished",
    run: (u) => exportPack(u, { month: uniqueMonth(), format: "csv" }),
  },
  // The stored published page decides with chooseVersion, as findPackView does (what it leaves goes to the page, which asks the same).
  {
    endpoints: [FRONT_HANDLER],
    calls: "chooseVersion",
    permission: "pack.readPublished",
    run: (u) => findPackView(u, uniqueMonth()),
  },
  {
    endpoints: ["app/packs/[period]/pdf/route.ts#GET"],
    calls: "getPackPdf",
    permission: "pack.readPublished",
    run: (u) => getPackPdf(u, { month: uniqueMonth() }, null),
  },
  {
    endpoints: [`${A}/admin/reminders/actions.ts#sendRemindersAction`],
    calls: "sendRemindersNow",
    permission: "reminders.send",
    run: (u) => sendRemindersNow(u),
  },
  {
    endpoints: [`${A}/periods/calendar/actions.ts#planMeetingsAction`],
    calls: "planMeetings",
    permission: "period.open",
    run: (u) => planMeetings(u, { source: "list", text: "not a date" }),
  },
  {
    endpoints: ["app/packs/latest/route.ts#GET"],
    calls: "findLatestPublishedMonth",
    permission: "pack.readPublished",
    run: (u) => findLatestPublishedMonth(u),
  },
  {
    endpoints: ["app/packs/calendar.ics/route.ts#GET"],
    calls: "buildMeetingFeed",
    permission: "pack.readPublished",
    run: (u) => buildMeetingFeed(u, "http://localhost"),
  },
  {
    endpoints: [`${A}/admin/audit/export/route.ts#GET`],
    calls: "exportAuditCsv",
    permission: "audit.view",
    run: (u) => exportAuditCsv(u, {}),
  },
  {
    endpoints: ["app/(auth)/account/password/actions.ts#changePasswordAction"],
    calls: "changeOwnPassword",
    permission: "account.changeOwnPassword",
    run: (u) => changeOwnPassword(u, NO_ID, { currentPassword: "", newPassword: "", confirmPassword: "" }),
  },
  {
    endpoints: ["app/(auth)/account/two-step/actions.ts#enableSecondFactorAction"],
    calls: "enableSecondFactor",
    permission: "account.secondFactor",
    run: (u) => enableSecondFactor(u, { currentPassword: "", secret: "", code: "" }),
  },
  {
    endpoints: ["app/(auth)/account/two-step/actions.ts#disableSecondFactorAction"],
    calls: "disableSecondFactor",
    permission: "account.secondFactor",
    run: (u) => disableSecondFactor(u, { currentPassword: "" }),
  },
  // Recommendations (imported here, so this entry stays one block): recorded by administrators, followed up by directors.
  {
    endpoints: [`${A}/recommendations/new/actions.ts#recordRecommendationAction`],
    calls: "recordRecommendation",
    permission: "recommendation.record",
    run: async (u) => {
      const { recordRecommendationInput } = await import("@/lib/recommendations/recommendation-input");
      const { recordRecommendation } = await import("@/lib/recommendations/record-recommendation");
      return recordRecommendation(u, parse(recordRecommendationInput, { month: "", text: "Walk", addressedTo: "Walker" }));
    },
  },
  {
    endpoints: [`${A}/recommendations/[id]/actions.ts#recommendationStepAction`],
    calls: "transitionRecommendation",
    permission: "recommendation.respond",
    run: async (u) => {
      const { recommendationStepInput } = await import("@/lib/recommendations/recommendation-input");
      const { transitionRecommendation } = await import("@/lib/recommendations/transition-recommendation");
      return transitionRecommendation(
        u,
        parse(recommendationStepInput, { id: NO_ID, action: "update", expectedVersion: "1", text: "Walk" }),
      );
    },
  },
  // Public by design: sign-in itself, and the health check a load balancer polls (no data).
  {
    endpoints: ["app/api/auth/[...nextauth]/route.ts#GET", "app/api/auth/[...nextauth]/route.ts#POST"],
    calls: "NextAuth",
    permission: "public",
  },
  // Our own sign-in form (works without JavaScript): the same authenticate() as the credentials provider.
  { endpoints: ["app/(auth)/login/actions.ts#signInAction"], calls: "authenticate", permission: "public" },
  { endpoints: ["app/api/health/route.ts#GET"], calls: "checkDatabase", permission: "public" },
  // Signing out only expires the caller's own session cookie.
  { endpoints: ["app/logout/route.ts#POST"], calls: "SESSION_COOKIE", permission: "public" },
  // Questions from the panel (imported here, so these entries stay one block): members ask; leads
  // and the director answer; the director approves or returns (the same action, by its intent).
  {
    endpoints: ["app/packs/[period]/questions/new/actions.ts#askQuestionAction"],
    calls: "askQuestion",
    permission: "question.ask",
    run: async (u) => {
      const { askQuestion } = await import("@/lib/questions/ask-question");
      return askQuestion(u, { month: uniqueMonth(), about: { kind: "pack" }, body: "Walk" });
    },
  },
  {
    endpoints: [`${A}/periods/[period]/questions/[id]/actions.ts#questionStepAction`],
    calls: "transitionQuestion",
    permission: "question.answer",
    run: async (u) => {
      const { transitionQuestion } = await import("@/lib/questions/transition-question");
      return transitionQuestion(u, { id: NO_ID, action: "save", expectedVersion: 1, answer: "Walk" });
    },
  },
  {
    endpoints: [],
    calls: "transitionQuestion",
    permission: "question.review",
    run: async (u) => {
      const { transitionQuestion } = await import("@/lib/questions/transition-question");
      return transitionQuestion(u, { id: NO_ID, action: "approve", expectedVersion: 1 });
    },
  },
];

function walkFiles(dir: string, match: (name: string) => boolean, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) walkFiles(rel, match, out);
    else if (match(entry.name)) out.push(rel);
  }
  return out;
}

/** Every exported server action and route handler method in app/, and every API route in pages/, as file#name. */
function findEndpoints(): string[] {
  const found: string[] = [];
  for (const file of walkFiles("app", (n) => /\.(ts|tsx)$/.test(n))) {
    const source = fs.readFileSync(path.join(ROOT, file), "utf8");
    const isRoute = /(^|\/)route\.ts$/.test(file);
    const isActions = /^\s*["']use server["']/.test(source);
    if (!isRoute && !isActions) continue;
    for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+([A-Za-z0-9_]+)/g)) {
      if (isActions || /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(m[1])) found.push(`${file}#${m[1]}`);
    }
    for (const m of source.matchAll(/export\s*\{([^}]+)\}/g)) {
      for (const part of m[1].split(","))
        found.push(
          `${file}#${part
            .trim()
            .split(/\s+as\s+/)
            .pop()}`,
        );
    }
  }
  // The HTTP server's front handler (installed by lib/start-node-server.ts) answers the published pack
  // pages before Next: an endpoint outside app/.
  found.push(FRONT_HANDLER);
  return found.sort();
}

let world: World;
const users = new Map<Role, SessionUser>();

beforeAll(async () => {
  for (const role of ROLES) users.set(role, (await createTestUser(role)).sessionUser);
  const lead = users.get("SERVICE_LEAD")!;
  const otherLead = (await createTestUser("SERVICE_LEAD")).sessionUser;
  const section = await createSection([lead.id]);
  const code = uniqueCode("WALK");
  const indicator = await db.indicator.create({
    data: {
      code,
      name: code,
      sectionId: section.id,
      definition: "Walk",
      unit: "COUNT",
      polarity: "NEITHER",
      measureType: "MONTHLY_COUNT",
      decimals: 0,
      order: 1,
    },
  });
  const period = await createPeriod();
  world = { lead, otherLead, sectionSlug: section.slug, indicatorId: indicator.id, month: period.month };
});

async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "allowed";
  } catch (e) {
    if (isAppError(e)) return e.code === "FORBIDDEN" || e.code === "UNAUTHENTICATED" ? e.code : `allowed (${e.code})`;
    throw e;
  }
}

describe("the permission walk", () => {
  it("covers every server action and route handler in app/", () => {
    const walked = WALK.flatMap((s) => s.endpoints).sort();
    expect(findEndpoints()).toEqual(walked);
  });

  it("each endpoint calls the domain function the walk tests, and signs-out checks are where the walk says", () => {
    const sources = WALK.flatMap((step) =>
      step.endpoints.map((endpoint) => ({ step, endpoint, source: fs.readFileSync(path.join(ROOT, endpoint.split("#")[0]), "utf8") })),
    );
    for (const { step, endpoint, source } of sources) {
      // Named beyond its import: called, or handed to the action's shared runner.
      expect(source.match(new RegExp(`\\b${step.calls}\\b`, "g"))?.length ?? 0, `${endpoint} calls ${step.calls}`).toBeGreaterThanOrEqual(
        2,
      );
    }
    // Every server action goes through the wrapper (lib/define-action.ts), which refuses a signed-out
    // user and asks the permission table; none reads the session or catches errors by hand.
    // Sign-in is the one action with nobody signed in to ask: authenticate() is its check.
    const actions = sources.filter((s) => /^\s*["']use server["']/.test(s.source));
    expect(actions.filter((s) => s.step.permission === "public").map((s) => s.endpoint)).toEqual([
      "app/(auth)/login/actions.ts#signInAction",
    ]);
    for (const { endpoint, source } of actions.filter((s) => s.step.permission !== "public")) {
      expect(source, `${endpoint} is made with the action wrapper`).toMatch(/from "@\/lib\/define-action"/);
      expect(source, `${endpoint} leaves the session to the wrapper`).not.toMatch(/getCurrentUser\(/);
      expect(source, `${endpoint} leaves errors to the wrapper`).not.toMatch(/\btry\s*\{/);
    }
    // The pack action's other intents call the other two pack functions.
    const pack = fs.readFileSync(path.join(ROOT, A, "periods/[period]/pack-actions.ts"), "utf8");
    expect(pack).toMatch(/publishPack\(/);
    expect(pack).toMatch(/startAmendment\(/);
  });

  for (const step of WALK.filter((s) => s.run)) {
    it(`${step.calls}: ${step.permission}`, async () => {
      const rows: [string, string, string][] = [];
      for (const role of ROLES) {
        const actor = users.get(role)!;
        // From the table written out by hand, never from can(): otherwise a wrong row agrees with itself.
        const expected = expectedToAllow(role, step.permission) ? "allowed" : "FORBIDDEN";
        rows.push([role, expected, (await outcome(() => step.run!(actor, world))).replace(/ \(.*\)$/, "")]);
      }
      if (step.sectionScoped)
        rows.push(["SERVICE_LEAD (not an owner)", "FORBIDDEN", await outcome(() => step.run!(world.otherLead, world))]);
      if (!step.signedOutCheckedInAction) {
        rows.push(["signed out", "UNAUTHENTICATED", (await outcome(() => step.run!(null, world))).replace(/ \(.*\)$/, "")]);
      }
      expect(rows.map(([who, , got]) => [who, got])).toEqual(rows.map(([who, expected]) => [who, expected]));
    });
  }
});
