// The whole monthly pack, from a snapshot: cover, summary, exceptions, sections, amendment log.
// The same markup serves the browser, print (A4 styles in globals.scss) and the PDF.
import type { ReactNode } from "react";
import type { PackSnapshot } from "@/lib/pack/snapshot-types";
import type { AmendmentEntry } from "@/lib/pack/find-pack";
import { PackCover } from "@/components/pack/pack-cover";
import { PackSummaryTable } from "@/components/pack/pack-summary-table";
import { PackExceptions } from "@/components/pack/pack-exceptions";
import { PackSection } from "@/components/pack/pack-section";
import { AmendmentLog } from "@/components/pack/amendment-log";
import { formatMonth } from "@/lib/format/dates";

export function PackDocument({ snapshot, charts, signed, amendments, banner, tools }: {
  snapshot: Omit<PackSnapshot, "charts">; charts: PackSnapshot["charts"] | null; signed: boolean; amendments: AmendmentEntry[]; banner?: ReactNode; tools?: ReactNode;
}) {
  return (
    <div className="app-pack">
      {/* The month in the footer of every printed page; CSS margin boxes cannot read the page. */}
      <style>{`@media print { @page { @bottom-left { content: ${JSON.stringify(`${snapshot.council}: ${snapshot.title}, ${formatMonth(snapshot.month)}`)}; font: 9pt arial, sans-serif; } } }`}</style>
      {banner}
      {tools}
      <PackCover snapshot={snapshot} signed={signed} />
      <nav className="app-pack-contents app-no-print" aria-label="Contents of this pack">
        <h2 className="govuk-heading-m">Contents</h2>
        <ol className="govuk-list govuk-list--number">
          <li><a className="govuk-link" href="#summary-title">Summary of indicators</a></li>
          <li><a className="govuk-link" href="#exceptions-title">Exceptions</a></li>
          {snapshot.sections.map((s) => <li key={s.slug}><a className="govuk-link" href={`#section-${s.slug}`}>{s.name}</a></li>)}
          {amendments.length > 1 ? <li><a className="govuk-link" href="#amendments-title">Amendment log</a></li> : null}
        </ol>
      </nav>
      <PackSummaryTable snapshot={snapshot} />
      <PackExceptions snapshot={snapshot} />
      {snapshot.sections.map((s, i) => <PackSection key={s.slug} section={s} index={i} charts={charts} />)}
      <AmendmentLog entries={amendments} month={snapshot.month} />
    </div>
  );
}
