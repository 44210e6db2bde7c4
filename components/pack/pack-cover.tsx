// The pack's cover: council, title, month, panel meeting, version, sign-off, the contents (with
// printed page numbers in the PDF) and the key to the ratings and arrows used on every page.
import { roleLabel } from "@/lib/auth/roles";
import { formatDate, formatMonth } from "@/lib/format/dates";
import type { PackSnapshot } from "@/lib/pack/snapshot/snapshot-types";
import type { ContentsEntry } from "@/lib/pack/delivery/pack-contents";
import { PackKey } from "@/components/pack/pack-key";

export function PackCover({
  snapshot,
  signed,
  contents,
}: {
  snapshot: Omit<PackSnapshot, "charts">;
  signed: boolean;
  contents: ContentsEntry[];
}) {
  return (
    <section className="app-pack-cover" aria-labelledby="pack-title">
      <div className="app-pack-cover__head">
        <p className="govuk-body-l app-pack-cover__council">{snapshot.council}</p>
        {/* One line in print, so the PDF's top bookmark reads "…Overview: July 2019": Chromium joins a
            heading's lines without a space when it makes the outline. */}
        <h1 className="govuk-heading-xl app-pack-title" id="pack-title">
          {snapshot.title}
          <span className="app-pack-title__sep">: </span>
          <span className="govuk-caption-xl">{formatMonth(snapshot.month)}</span>
        </h1>
        <dl className="app-pack-facts">
          <div>
            <dt>Scrutiny panel</dt>
            <dd>{formatDate(snapshot.panelMeetingDate)}</dd>
          </div>
          <div>
            <dt>Version</dt>
            <dd>
              {signed ? snapshot.version : "Draft"}
              {snapshot.amendmentReason ? ` (amended: ${snapshot.amendmentReason})` : ""}
            </dd>
          </div>
          <div>
            <dt>Sign-off</dt>
            <dd>
              {signed
                ? `Signed off by ${snapshot.signedOff.name}, ${roleLabel[snapshot.signedOff.role]}, on ${formatDate(snapshot.signedOff.at)}`
                : "Not signed off"}
            </dd>
          </div>
        </dl>
      </div>
      <nav className="app-pack-contents" aria-labelledby="contents-title">
        <h2 className="govuk-heading-m" id="contents-title">
          Contents
        </h2>
        <ol className="app-toc">
          {contents.map((c) => (
            <li key={c.id} className="app-toc__item">
              <a className="govuk-link app-toc__link" href={`#${c.id}`}>
                {c.text}
              </a>
              {/* Filled with the printed page by the PDF's second pass (lib/pack/delivery/pdf-contents.ts). */}
              <span className="app-toc__page" data-toc={c.id}></span>
            </li>
          ))}
        </ol>
      </nav>
      <PackKey month={snapshot.month} />
    </section>
  );
}
