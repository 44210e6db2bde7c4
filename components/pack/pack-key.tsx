// The key to the pack's ratings, arrows and marks, in words: councillors read it once, on the cover.
// Every mark a table prints is here (issue 26: RAG, the dash and a target of None were not).
import { addMonths, formatMonth } from "@/lib/format/dates";
import { MOVEMENT_SYMBOL } from "@/lib/judgement";

export function PackKey({ month }: { month: string }) {
  return (
    <section className="app-pack-key" aria-labelledby="key-title">
      <h2 className="govuk-heading-m" id="key-title">
        How to read this pack
      </h2>
      <p className="govuk-body-s app-key__lead">
        RAG (red, amber, green) rates this month&apos;s figure against its target. Words in the pack are explained in the{" "}
        <a className="govuk-link" href="#glossary-title">
          glossary
        </a>
        .
      </p>
      <dl className="app-key">
        <div>
          <dt>
            <span className="govuk-tag govuk-tag--green app-rag">Green</span>
          </dt>
          <dd>On target</dd>
        </div>
        <div>
          <dt>
            <span className="govuk-tag govuk-tag--orange app-rag">Amber</span>
          </dt>
          <dd>Short of target, within tolerance (how far short the council accepts)</dd>
        </div>
        <div>
          <dt>
            <span className="govuk-tag govuk-tag--red app-rag">Red</span>
          </dt>
          <dd>Short of target by more than the tolerance</dd>
        </div>
        <div>
          <dt>Target: None</dt>
          <dd>The indicator has no target, so it has no RAG rating</dd>
        </div>
        <div>
          <dt>
            <span aria-hidden="true">–</span> (a dash)
          </dt>
          <dd>No rating or no comparison: no target, or no earlier figure to compare with</dd>
        </div>
        <div>
          <dt>
            <span aria-hidden="true">
              {MOVEMENT_SYMBOL.UP} {MOVEMENT_SYMBOL.DOWN}
            </span>{" "}
            Up, Down
          </dt>
          <dd>
            Which way this month&apos;s figure moved, by how much and, where higher or lower is better, whether that is better or worse
          </dd>
        </div>
        <div>
          <dt>
            <span aria-hidden="true">{MOVEMENT_SYMBOL.SAME}</span> About the same
          </dt>
          <dd>The two figures read the same as shown</dd>
        </div>
        <div>
          <dt>c</dt>
          <dd>A number from 1 to 5, not shown to protect children&apos;s privacy; nothing worked out from it is shown either</dd>
        </div>
        <div>
          <dt>Not yet signed off</dt>
          <dd>That month&apos;s figures have not been signed off, so they are not shown</dd>
        </div>
      </dl>
      <p className="govuk-body-s">
        Last month is {formatMonth(addMonths(month, -1))}; last year is {formatMonth(addMonths(month, -12))}. England and other comparators
        are shown for rates and percentages; monthly counts are not comparable with annual totals.
      </p>
    </section>
  );
}
