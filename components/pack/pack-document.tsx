// The whole monthly pack, from a snapshot: cover with contents and key, summary, exceptions,
// sections, the panel's recommendations, definitions, glossary, sign-off; then the addendum of answered
// questions and the amendment log. The same markup serves the browser, print
// (A4 styles in globals.scss) and the PDF.
import type { ReactNode } from "react";
import type { PackSnapshot } from "@/lib/pack/snapshot/snapshot-types";
import type { AmendmentEntry } from "@/lib/pack/delivery/find-pack";
import { PackCover } from "@/components/pack/pack-cover";
import { PackSummaryTable } from "@/components/pack/pack-summary-table";
import { PackExceptions } from "@/components/pack/pack-exceptions";
import { PackSection } from "@/components/pack/pack-section";
import { storedChartsToShow } from "@/lib/pack/snapshot/chart-spec";
import { PackDefinitions, PackSignOff } from "@/components/pack/pack-definitions";
import { AmendmentLog } from "@/components/pack/amendment-log";
import { formatMonth } from "@/lib/format/dates";
import { packContents } from "@/lib/pack/delivery/pack-contents";
import { PackRecommendations } from "@/components/pack/pack-recommendations";
import { PackQuestions } from "@/components/pack/pack-questions";
import { addendaOf, type PackQuestions as Questions } from "@/lib/questions/pack-questions";
import { isRecommendationOpen } from "@/lib/recommendations/recommendation-workflow";
import { recommendationAnchor } from "@/lib/recommendations/recommendation-words";
import { spellOutPack } from "@/lib/pack/render/glossary";
import { PackGlossary } from "@/components/pack/pack-glossary";

export function PackDocument({
  snapshot,
  charts,
  signed,
  amendments,
  banner,
  tools,
  questions = null,
  ask = false,
}: {
  snapshot: Omit<PackSnapshot, "charts">;
  charts: PackSnapshot["charts"] | null;
  signed: boolean;
  amendments: AmendmentEntry[];
  banner?: ReactNode;
  tools?: ReactNode;
  /** The addendum of answered questions (a published pack's). */
  questions?: Questions | null;
  /** Offer "Ask a question" links (a panel member's page, before the question deadline). */
  ask?: boolean;
}) {
  const addenda = addendaOf(questions);
  const showQuestions = Boolean(questions && (questions.answered.length || questions.awaiting || ask));
  const contents = packContents(snapshot, { amendments: amendments.length > 1 || addenda.length > 0, questions: showQuestions });
  // Abbreviations written out where the reader first meets them, in the pack's reading order.
  const words = spellOutPack(snapshot);
  const inPack = new Set(snapshot.sections.flatMap((s) => s.indicators.map((i) => i.code)));
  // Indicators with a recommendation still open on them, for the marker on their rows.
  const recommended = new Map<string, string>();
  for (const r of snapshot.recommendations ?? [])
    if (isRecommendationOpen(r.status))
      for (const i of r.indicators) if (!recommended.has(i.code)) recommended.set(i.code, recommendationAnchor(r));
  return (
    <div className="app-pack">
      {/* The month in the footer of every printed page; CSS margin boxes cannot read the page. */}
      <style>{`@media print { @page { @bottom-left { content: ${JSON.stringify(`${snapshot.council}: ${snapshot.title}, ${formatMonth(snapshot.month)}`)}; font: 8pt arial, sans-serif; } } }`}</style>
      {banner}
      {tools}
      <PackCover snapshot={snapshot} signed={signed} contents={contents} />
      <PackSummaryTable snapshot={snapshot} words={words} />
      <PackExceptions snapshot={snapshot} />
      {snapshot.sections.map((s, i) => (
        <PackSection
          key={s.slug}
          section={s}
          index={i}
          month={snapshot.month}
          charts={storedChartsToShow(snapshot.schema, charts)}
          recommended={recommended}
          ask={ask}
          words={words}
        />
      ))}
      <PackRecommendations snapshot={snapshot} />
      <PackDefinitions snapshot={snapshot} words={words} />
      <PackGlossary />
      <PackSignOff snapshot={snapshot} signed={signed} />
      <PackQuestions questions={questions} month={snapshot.month} inPack={inPack} ask={ask} />
      <AmendmentLog entries={amendments} addenda={addenda} month={snapshot.month} />
    </div>
  );
}
