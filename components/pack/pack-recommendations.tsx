// The pack's "Recommendations" part (snapshot schema 6): each of the panel's recommendations still
// open when the pack was signed off, with its meeting, the executive's response (or when it is due),
// its actions and latest progress, linked to the indicators it concerns; and each closed since the
// last pack, once more, as closed.
import type { PackSnapshot, SnapshotRecommendation } from "@/lib/pack/snapshot/snapshot-types";
import { formatDate } from "@/lib/format/dates";
import { RECOMMENDATION_STATE_LABEL, RECOMMENDATION_TAG_CLASS } from "@/lib/recommendations/recommendation-workflow";
import { recommendationAnchor, recommendationName, responseDueState } from "@/lib/recommendations/recommendation-words";

export function PackRecommendations({ snapshot }: { snapshot: Omit<PackSnapshot, "charts"> }) {
  const list = snapshot.recommendations;
  if (!list?.length) return null;
  // Judged on the day the pack was signed off: that is the day it speaks for.
  const asOf = snapshot.signedOff.at.slice(0, 10);
  const inPack = new Set(snapshot.sections.flatMap((s) => s.indicators.map((i) => i.code)));
  return (
    <section className="app-pack-part" aria-labelledby="recommendations-title">
      <h2 className="govuk-heading-l" id="recommendations-title">
        Recommendations
      </h2>
      <p className="govuk-body-s">
        The panel&apos;s recommendations to the executive, which must respond within two months of the meeting, and what has been done
        since. A recommendation closed since the last pack is shown once more.
      </p>
      {list.map((r) => (
        <Recommendation key={recommendationAnchor(r)} r={r} asOf={asOf} inPack={inPack} />
      ))}
    </section>
  );
}

function Recommendation({ r, asOf, inPack }: { r: SnapshotRecommendation; asOf: string; inPack: Set<string> }) {
  const due = responseDueState(r.responseDue, asOf);
  const id = recommendationAnchor(r);
  return (
    <article className="app-pack-recommendation" aria-labelledby={`${id}-title`} id={id}>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1" id={`${id}-title`}>
        {recommendationName(r)}{" "}
        <strong className={`govuk-tag ${RECOMMENDATION_TAG_CLASS[r.status]}`}>{RECOMMENDATION_STATE_LABEL[r.status]}</strong>
      </h3>
      <p className="govuk-body app-pack-recommendation__text">{r.text}</p>
      <dl className="app-pack-record">
        <dt>To</dt>
        <dd>{r.addressedTo}</dd>
        {r.indicators.length || r.sections.length ? (
          <>
            <dt>About</dt>
            <dd>
              {[
                ...r.indicators.map((i) =>
                  inPack.has(i.code) ? (
                    <a key={i.code} className="govuk-link" href={`#ind-${i.code}`}>
                      {i.name}
                    </a>
                  ) : (
                    <span key={i.code}>{i.name}</span>
                  ),
                ),
                ...r.sections.map((s) => (
                  <a key={s.slug} className="govuk-link" href={`#section-${s.slug}`}>
                    {s.name}
                  </a>
                )),
              ].reduce<React.ReactNode[]>((acc, el, i) => (i ? [...acc, "; ", el] : [el]), [])}
            </dd>
          </>
        ) : null}
        <dt>Response</dt>
        <dd>
          {r.response ? (
            <>
              {RECOMMENDATION_STATE_LABEL[r.status === "IMPLEMENTED" || r.status === "CLOSED" ? "ACCEPTED" : r.status]}{" "}
              {formatDate(r.response.at)} ({r.response.byName}): {r.response.reasons}
            </>
          ) : (
            <span className={due.overdue ? "app-deadline app-deadline--overdue" : "app-deadline"}>
              <span aria-hidden="true">{due.symbol} </span>
              {due.text}
            </span>
          )}
        </dd>
        {r.actions.length ? (
          <>
            <dt>Actions</dt>
            <dd>
              <ul className="govuk-list govuk-!-margin-bottom-0">
                {r.actions.map((a, i) => (
                  <li key={i}>
                    {a.description} ({a.ownerName}, by {formatDate(a.dueDate)})
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {r.latestUpdate ? (
          <>
            <dt>Latest update</dt>
            <dd>
              {formatDate(r.latestUpdate.at)} ({r.latestUpdate.byName}): {r.latestUpdate.body}
            </dd>
          </>
        ) : null}
        {r.closed ? (
          <>
            <dt>{r.status === "IMPLEMENTED" ? "Implemented" : "Closed"}</dt>
            <dd>
              {formatDate(r.closed.at)}
              {r.closed.reason ? `: ${r.closed.reason}` : ""}
            </dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}
