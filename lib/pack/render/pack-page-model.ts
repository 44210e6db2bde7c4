// Everything a pack page shows, as plain data: what the renderer is given (in this process or in a
// child process, as JSON) and what a stored page's key is worked out from.
// No "server-only": the renderer's child process reads it too.
import type { AmendmentEntry } from "@/lib/pack/delivery/find-pack";
import type { PackSnapshot } from "@/lib/pack/snapshot/snapshot-types";
import type { Role } from "@/lib/generated/prisma/enums";
import type { PackQuestions } from "@/lib/questions/pack-questions";

export type PackPageModel = {
  month: string;
  /** frozen: a signed-off version (its charts drawn at sign-off); preview: the director's live draft. */
  kind: "frozen" | "preview";
  snapshot: Omit<PackSnapshot, "charts">;
  charts: PackSnapshot["charts"] | null;
  version: number | null;
  published: boolean;
  publishedAt: string | null;
  supersededByVersion: number | null;
  latestPublishedVersion: number | null;
  amendments: AmendmentEntry[];
  pdfAvailable: boolean;
  /** The addendum of answered questions (published versions only; null for a preview). */
  questions: PackQuestions | null;
};

/** Who a stored page is for: each role has its own navigation; PUBLIC is a signed-out reader (PUBLIC_PACKS) and the PDF. */
export type PackAudience = Role | "PUBLIC";

export const PACK_AUDIENCES: readonly PackAudience[] = ["ADMIN", "DIRECTOR", "SERVICE_LEAD", "PANEL_MEMBER", "PUBLIC"];

/** The director's live draft as a page shows it: no version, nothing published, no charts drawn yet. */
export function previewPageModel(
  month: string,
  view: { snapshot: Omit<PackSnapshot, "charts">; amendments: AmendmentEntry[] },
  pdfAvailable: boolean,
): PackPageModel {
  return {
    month,
    kind: "preview",
    snapshot: view.snapshot,
    charts: null,
    version: null,
    published: false,
    publishedAt: null,
    supersededByVersion: null,
    latestPublishedVersion: null,
    amendments: view.amendments,
    pdfAvailable,
    questions: null,
  };
}
