// A pack page's content: its banner (draft, superseded, not yet published), the print and download
// tools, and the pack itself. The same component draws the published pack's stored page
// (lib/pack/render/pack-page-html.tsx), the director's preview and the staff-only pages Next renders.
import type { ReactNode } from "react";
import { PackDocument } from "@/components/pack/pack-document";
import { formatDate } from "@/lib/format/dates";
import type { PackAudience, PackPageModel } from "@/lib/pack/render/pack-page-model";
import { WarningText } from "@/components/warning-text";

function Warning({ children }: { children: ReactNode }) {
  return (
    <WarningText className="app-pack-banner" role="note">
      {children}
    </WarningText>
  );
}

/**
 * `printControl`: a Print button where the page has JavaScript; stored pages have none, so they say how to print.
 * `audience`: who reads it; a panel member's page offers "Ask a question" until the question deadline.
 */
export function PackPage({ model, audience, printControl }: { model: PackPageModel; audience: PackAudience; printControl?: ReactNode }) {
  const { month } = model;
  const isPreview = model.kind === "preview";
  const banner = isPreview ? (
    <Warning>Draft: not signed off. These figures and commentary can still change.</Warning>
  ) : model.supersededByVersion ? (
    <Warning>
      Superseded by version {model.supersededByVersion}.{" "}
      <a className="govuk-link" href={`/packs/${month}?version=${model.supersededByVersion}`}>
        Read version {model.supersededByVersion}
      </a>
    </Warning>
  ) : !model.published ? (
    <Warning>Signed off, not yet published: the panel cannot see this version yet.</Warning>
  ) : null;
  const versionQuery = !isPreview && model.version !== model.latestPublishedVersion ? `?version=${model.version}` : "";
  const tools = (
    <div className="app-pack-tools app-no-print">
      {printControl ?? (
        <p className="govuk-body-s app-print-hint">
          {/* Keys for a keyboard; a phone or tablet (a touch screen or a narrow window) is told where its menu has Print. */}
          <span className="app-print-hint__keyboard">
            To print this pack, or save it as a PDF, use your browser&apos;s print command (Ctrl+P, or Cmd+P on a Mac): it prints in the A4
            layout.
          </span>
          <span className="app-print-hint__touch">
            To print this pack, or save it as a PDF, choose Print in your browser&apos;s menu (on a phone it is often under Share): it
            prints in the A4 layout.
          </span>
        </p>
      )}
      {!isPreview && model.published && model.pdfAvailable ? (
        <a className="govuk-button govuk-button--secondary" href={`/packs/${month}/pdf${versionQuery}`}>
          Download PDF
        </a>
      ) : null}
      {!isPreview && model.published ? (
        <p className="govuk-body-s">
          Download the figures:{" "}
          <a className="govuk-link" href={`/packs/${month}.csv${versionQuery}`}>
            CSV
          </a>
          ,{" "}
          <a className="govuk-link" href={`/packs/${month}.xlsx${versionQuery}`}>
            Excel
          </a>
          ,{" "}
          <a className="govuk-link" href={`/packs/${month}.json${versionQuery}`}>
            JSON with its hash
          </a>
          {model.publishedAt ? `. Published ${formatDate(model.publishedAt)}.` : "."}
        </p>
      ) : null}
    </div>
  );
  return (
    <PackDocument
      snapshot={model.snapshot}
      charts={model.charts}
      signed={!isPreview}
      amendments={model.amendments}
      banner={banner}
      tools={tools}
      questions={model.questions}
      ask={audience === "PANEL_MEMBER" && Boolean(model.questions?.open) && model.version === model.latestPublishedVersion}
    />
  );
}
