// The whole monthly pack, from a snapshot: cover with contents and key, summary, exceptions,
// sections, definitions, sign-off and amendment log. The same markup serves the browser, print
// (A4 styles in globals.scss) and the PDF.
import type { ReactNode } from "react";
import type { PackSnapshot } from "@/lib/pack/snapshot/snapshot-types";
import type { AmendmentEntry } from "@/lib/pack/delivery/find-pack";
import { PackCover } from "@/components/pack/pack-cover";
import { PackSummaryTable } from "@/components/pack/pack-summary-table";
import { PackExceptions } from "@/components/pack/pack-exceptions";
import { PackSection } from "@/components/pack/pack-section";
import { PackDefinitions, PackSignOff } from "@/components/pack/pack-definitions";
import { AmendmentLog } from "@/components/pack/amendment-log";
import { formatMonth } from "@/lib/format/dates";
import { packContents } from "@/lib/pack/delivery/pack-contents";

export function PackDocument({
  snapshot,
  charts,
  signed,
  amendments,
  banner,
  tools,
}: {
  snapshot: Omit<PackSnapshot, "charts">;
  charts: PackSnapshot["charts"] | null;
  signed: boolean;
  amendments: AmendmentEntry[];
  banner?: ReactNode;
  tools?: ReactNode;
}) {
  const contents = packContents(snapshot, amendments.length > 1);
  return (
    <div className="app-pack">
      {/* The month in the footer of every printed page; CSS margin boxes cannot read the page. */}
      <style>{`@media print { @page { @bottom-left { content: ${JSON.stringify(`${snapshot.council}: ${snapshot.title}, ${formatMonth(snapshot.month)}`)}; font: 8pt arial, sans-serif; } } }`}</style>
      {banner}
      {tools}
      <PackCover snapshot={snapshot} signed={signed} contents={contents} />
      <PackSummaryTable snapshot={snapshot} />
      <PackExceptions snapshot={snapshot} />
      {snapshot.sections.map((s, i) => (
        <PackSection key={s.slug} section={s} index={i} month={snapshot.month} charts={charts} />
      ))}
      <PackDefinitions snapshot={snapshot} />
      <PackSignOff snapshot={snapshot} signed={signed} />
      <AmendmentLog entries={amendments} month={snapshot.month} />
    </div>
  );
}
