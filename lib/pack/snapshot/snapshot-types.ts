// The frozen pack: everything a signed-off pack shows, as plain JSON. Once stored with its hash it
// never changes, whatever happens to live data, targets or users. Bump SNAPSHOT_SCHEMA on changes.
import type { MeasureType, Polarity, Role, Unit } from "@/lib/generated/prisma/enums";
import type { Direction, Rag } from "@/lib/judgement";
import type { NationalComparators } from "@/lib/national/national-comparators";
import type { PackProvenance } from "@/lib/annex-a/provenance";

// 2: other months' figures only when signed off (trend "unsigned" gaps), judgements withheld for
// suppressed figures. 3: actions on exceptions (carried, resolved) and how long each exception has
// been on the list. 4: DfE's published comparators (England, region, neighbours' average, own
// rank) per linked indicator, each with its own year. 5: where a figure computed from the Annex A
// lists came from (provenance). 6: the panel's recommendations and the executive's responses.
// 7: comparators frozen by the one rule (lib/pack/snapshot/pack-comparators.ts: DfE's or the typed
// ones, never both; only periods ended by the pack's month), and charts drawn with that comparator and
// words that keep the indicator's decimals. Older packs' charts are drawn again from their figures.
// Readers still show schema 1 to 6 packs as they were signed off (older ones have none of what came later).
export const SNAPSHOT_SCHEMA = 7;

/** A recommendation of the panel as the pack froze it (schema 6). */
export type SnapshotRecommendation = {
  /** "Recommendation 1 of 22 August 2019": its number within its meeting. */
  number: number;
  meetingDate: string;
  text: string;
  addressedTo: string;
  responseDue: string;
  status: "AWAITING_RESPONSE" | "ACCEPTED" | "PARTLY_ACCEPTED" | "NOT_ACCEPTED" | "IMPLEMENTED" | "CLOSED";
  response: { reasons: string; at: string; byName: string } | null;
  actions: { description: string; ownerName: string; dueDate: string }[];
  latestUpdate: { body: string; at: string; byName: string } | null;
  closed: { at: string; reason: string | null } | null;
  indicators: { code: string; name: string }[];
  sections: { slug: string; name: string }[];
};

/** An action on an exception as the pack froze it (schema 3). */
export type SnapshotAction = {
  description: string;
  ownerName: string;
  dueDate: string;
  status: "OPEN" | "DONE" | "DROPPED";
  droppedReason: string | null;
  /** The month it was first recorded: earlier than the pack's month when carried over. */
  fromMonth: string;
  /** Live previews only (lib/exception-actions/snapshot-actions.ts markOverdueActions): never stored at sign-off. */
  overdue?: boolean;
};

export type SnapshotIndicator = {
  code: string;
  name: string;
  definition: string;
  unit: Unit;
  polarity: Polarity;
  measureType: MeasureType;
  decimals: number;
  suppressSmallNumbers: boolean;
  /** Figures as the panel may see them: a suppressed small number is null here, flagged below. */
  value: number | null;
  suppressed: { value: boolean; lastMonth: boolean; lastYear: boolean };
  /** Last month or last year had a period not yet signed off: its figure is left out (schema 2). */
  unsigned?: { lastMonth: boolean; lastYear: boolean };
  notAvailableReason: string | null;
  note: string | null;
  revised: boolean;
  lastMonth: number | null;
  lastYear: number | null;
  target: { value: number; tolerance: number; fromMonth: string } | null;
  rag: Rag | null;
  vsLastMonth: Direction | null;
  vsLastYear: Direction | null;
  /** "-524 (-28.2%)", "c" when suppressed, null when a figure is missing. */
  changeVsLastMonth: string | null;
  changeVsLastYear: string | null;
  comparators: { label: string; periodLabel: string; value: number; source: string | null; comparable: boolean }[];
  /** DfE's published figures for the linked measure, frozen at sign-off (schema 3; absent before). */
  national?: NationalComparators | null;
  /** Schema 5: where a value computed from the Annex A lists came from; null for a typed or imported one. */
  provenance?: PackProvenance | null;
  /** The 24 months ending with this one, oldest first; null where there was no value, or where the
   * month is not signed off (unsigned). */
  trend: { month: string; value: number | null; suppressed?: true; unsigned?: true }[];
  /** One line for people: "Down from 1,861 to 1,337 since July". */
  summary: string;
  exception: boolean;
  /** Schema 3: the month this exception joined the list; it has been on it every month since. */
  exceptionSince?: string;
  /** Schema 3: the actions agreed on this exception, carried from month to month while it stays on the list. */
  actions?: SnapshotAction[];
  /** Schema 3: this indicator left the list this month; its actions are shown once, as resolved. */
  resolvedActions?: SnapshotAction[];
};

export type SnapshotSection = {
  name: string;
  slug: string;
  owners: string[];
  commentary: {
    body: string;
    authors: { name: string; initials: string; role: Role }[];
    approvedByName: string | null;
    approvedAt: string | null;
  } | null;
  indicators: SnapshotIndicator[];
};

export type PackSnapshot = {
  schema: 1 | 2 | 3 | 4 | 5 | 6 | typeof SNAPSHOT_SCHEMA;
  council: string;
  title: string;
  month: string;
  panelMeetingDate: string;
  version: number;
  signedOff: { name: string; role: Role; at: string };
  amendmentReason: string | null;
  sections: SnapshotSection[];
  /** Schema 6: the panel's recommendations still open when it was signed off, and those closed since the last pack. */
  recommendations?: SnapshotRecommendation[];
  /** Chart SVG markup per indicator code, rendered once at sign-off (shown for schema 7 on: storedChartsToShow). */
  charts: Record<string, string>;
};
