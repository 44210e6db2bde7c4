// The tables whose every change may change what a pack page shows (the live preview reads them all:
// lib/pack/snapshot/build-snapshot.ts and what it calls). Each has the trigger scrutiny_notify_content
// (migration 20261205173614_stored_pack_pages), which tells every server at commit; a test compares
// this list with the database's triggers and walks a change through each.
export const CONTENT_TABLES = [
  "Section",
  "SectionOwner",
  "User",
  "Indicator",
  "IndicatorTarget",
  "Comparator",
  "Period",
  "IndicatorValue",
  "PackVersion",
  "Commentary",
  "CommentaryRevision",
  "ReviewComment",
  "ExceptionAction",
  "NationalMeasure",
  "NationalFigure",
  "StatisticalNeighbour",
  "CouncilSetting",
  "ChildPopulation",
  // Migration 20261205201818: the panel's questions (approved answers are the pack's addendum) and
  // recommendations (the pack's "Recommendations" part).
  "PanelQuestion",
  "Recommendation",
  "RecommendationIndicator",
  "RecommendationSection",
  "RecommendationAction",
  "RecommendationUpdate",
] as const;
