// The appendix: what each indicator measures and where its comparators come from; then the
// sign-off, as the council's own pack ends ("Signed off by <name>, <role>, <date>").
import { roleLabel } from "@/lib/auth/roles";
import { formatDate } from "@/lib/format/dates";
import type { PackSnapshot } from "@/lib/pack/snapshot/snapshot-types";
import { sectionHeading } from "@/lib/pack/delivery/pack-contents";
import { packComparators } from "@/lib/pack/snapshot/pack-comparators";
import { describeProvenance, describeProvenanceInFull, type PackProvenance } from "@/lib/annex-a/provenance";
import { dayOfIso, longDate } from "@/lib/annex-a/calendar";
import type { SpelledOutPack } from "@/lib/pack/render/glossary";

/** Where the computed figures came from, said once when one upload gave them all (as it usually does). */
function sharedSource(snapshot: Omit<PackSnapshot, "charts">): PackProvenance | null {
  const all = snapshot.sections.flatMap((s) => s.indicators.flatMap((i) => (i.provenance ? [i.provenance] : [])));
  const key = (p: PackProvenance) => `${p.asAt}|${p.coversFrom}|${p.fileSha256}|${p.rulesVersion}`;
  return all.length > 0 && all.every((p) => key(p) === key(all[0])) ? all[0] : null;
}

export function PackDefinitions({ snapshot, words }: { snapshot: Omit<PackSnapshot, "charts">; words?: SpelledOutPack }) {
  const shared = sharedSource(snapshot);
  return (
    <section className="app-pack-part app-pack-definitions" aria-labelledby="definitions-title">
      <h2 className="govuk-heading-l" id="definitions-title">
        Definitions and sources
      </h2>
      {shared ? (
        <p className="govuk-body app-definitions__computed">
          Figures marked &ldquo;computed&rdquo; below were worked out by Scrutiny Pack from the council&rsquo;s Annex A case lists, by the
          rule given with each: {lowerFirst(describeProvenance(shared))}, covering from {longDate(dayOfIso(shared.coversFrom))}.
        </p>
      ) : null}
      {/* Folded on screen, where they are looked up; printed in full (::details-content in print styles). */}
      {snapshot.sections.map((s, i) => (
        <details key={s.slug} className="govuk-details app-definitions__section">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{sectionHeading(i, s.name)}: what each figure counts, and its sources</span>
          </summary>
          <dl className="govuk-details__text app-definitions">
            {s.indicators.map((ind) => {
              const { sources } = packComparators(ind, snapshot.month);
              return (
                <div key={ind.code} className="app-definitions__item">
                  <dt>{ind.name}</dt>
                  <dd>
                    {words ? words.definition(ind.code, ind.definition) : ind.definition}
                    {sources.length ? <span className="app-definitions__source"> Comparator source: {sources.join("; ")}.</span> : null}
                    {ind.provenance ? (
                      <span className="app-definitions__source">
                        {" "}
                        This month&rsquo;s figure is computed
                        {shared
                          ? `${ind.provenance.words ? `: ${ind.provenance.words}` : ""}. Rule: ${ind.provenance.rule}`
                          : `: ${lowerFirst(describeProvenanceInFull(ind.provenance))}`}
                      </span>
                    ) : null}
                  </dd>
                </div>
              );
            })}
          </dl>
        </details>
      ))}
    </section>
  );
}

export function PackSignOff({ snapshot, signed }: { snapshot: Omit<PackSnapshot, "charts">; signed: boolean }) {
  return (
    <section className="app-pack-signoff" aria-labelledby="signoff-title">
      <h2 className="govuk-heading-s" id="signoff-title">
        Sign-off
      </h2>
      <p className="govuk-body">
        {signed
          ? `Signed off by ${snapshot.signedOff.name}, ${roleLabel[snapshot.signedOff.role]}, ${formatDate(snapshot.signedOff.at)}. Version ${snapshot.version}.`
          : "This draft has not been signed off."}
      </p>
    </section>
  );
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
