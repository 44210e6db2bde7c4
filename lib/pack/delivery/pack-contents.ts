// The pack's contents: one entry per part, each with the id of the heading it links to. The PDF
// finds each heading's printed page by its text, so entries and headings share their words here.
import type { PackSnapshot } from "@/lib/pack/snapshot/snapshot-types";

export type ContentsEntry = { id: string; text: string };

export const sectionHeading = (index: number, name: string) => `${index + 1}. ${name}`;

export function packContents(
  snapshot: Pick<PackSnapshot, "sections" | "recommendations">,
  parts: { amendments: boolean; questions: boolean },
): ContentsEntry[] {
  return [
    { id: "summary-title", text: "Summary of indicators" },
    { id: "exceptions-title", text: "Exceptions" },
    ...snapshot.sections.map((s, i) => ({ id: `section-${s.slug}`, text: sectionHeading(i, s.name) })),
    ...(snapshot.recommendations?.length ? [{ id: "recommendations-title", text: "Recommendations" }] : []),
    { id: "definitions-title", text: "Definitions and sources" },
    { id: "glossary-title", text: "Glossary" },
    ...(parts.questions ? [{ id: "questions-title", text: "Questions from the panel" }] : []),
    ...(parts.amendments ? [{ id: "amendments-title", text: "Amendment log" }] : []),
  ];
}
