// The pack's glossary (lib/pack/render/glossary.ts): its own part, in the contents. Folded on
// screen, where it is looked up and the pack must stay short; printed open, as the definitions are.
import { PACK_GLOSSARY } from "@/lib/pack/render/glossary";

export function PackGlossary() {
  return (
    <section className="app-pack-part app-pack-glossary" aria-labelledby="glossary-title">
      <h2 className="govuk-heading-l" id="glossary-title">
        Glossary
      </h2>
      <details className="govuk-details app-definitions__section">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">What the pack&rsquo;s words and abbreviations mean</span>
        </summary>
        <dl className="govuk-details__text app-definitions app-glossary">
          {PACK_GLOSSARY.map((e) => (
            <div key={e.term} className="app-definitions__item">
              <dt>
                {e.term}
                {e.spelledOut ? <span className="app-glossary__spelled">: {e.spelledOut}</span> : null}
              </dt>
              <dd>{e.meaning}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}
