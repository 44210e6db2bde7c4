// The key to the pack's ratings, arrows and marks, in words: councillors read it once, on the cover.
import { addMonths, formatMonth } from "@/lib/format/dates";
import { MOVEMENT_SYMBOL } from "@/lib/judgement";

export function PackKey({ month }: { month: string }) {
  return (
    <section className="app-pack-key" aria-labelledby="key-title">
      <h2 className="govuk-heading-m" id="key-title">
        How to read this pack
      </h2>
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
          <dd>Short of target, within tolerance</dd>
        </div>
        <div>
          <dt>
            <span className="govuk-tag govuk-tag--red app-rag">Red</span>
          </dt>
          <dd>Short of target by more than the tolerance</dd>
        </div>
        <div>
          <dt>
            <span aria-hidden="true">
              {MOVEMENT_SYMBOL.UP} {MOVEMENT_SYMBOL.DOWN}
            </span>{" "}
            Improved, Worse
          </dt>
          <dd>Which way the figure moved, and whether that is better or worse</dd>
        </div>
        <div>
          <dt>
            <span aria-hidden="true">{MOVEMENT_SYMBOL.SAME}</span> No change
          </dt>
          <dd>The same figure as shown</dd>
        </div>
        <div>
          <dt>Up, Down</dt>
          <dd>Moved, for a figure that is neither better high nor low</dd>
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
