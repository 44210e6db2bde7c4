import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ComparatorForm } from "../comparator-form";
import { RemoveComparatorForm } from "../remove-comparator-form";
import { updateComparatorAction } from "../actions";
import { loadIndicatorForComparator } from "../comparator-page-parts";

type Props = { params: Promise<{ code: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Change a comparator: ${decodeURIComponent((await params).code)}` };
}

export default async function ChangeComparatorPage({ params }: Props) {
  const { code, id } = await params;
  const { indicator, suffix } = await loadIndicatorForComparator(code);
  const comparator = indicator.comparators.find((c) => c.id === id);
  if (!comparator) notFound();
  const version = indicator.updatedAt.toISOString();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link href={`/admin/indicators/${indicator.code}#comparators`} className="govuk-back-link">
          Back to {indicator.name}
        </Link>
        <ComparatorForm
          action={updateComparatorAction}
          code={indicator.code}
          version={version}
          id={comparator.id}
          saved={{
            label: comparator.label,
            periodLabel: comparator.periodLabel,
            value: String(comparator.value),
            source: comparator.source ?? "",
            notes: comparator.notes ?? "",
          }}
          suffix={suffix}
          submitLabel="Save comparator"
          heading={
            <>
              <span className="govuk-caption-l">{indicator.name}</span>
              <h1 className="govuk-heading-l">
                Change the {comparator.label} {comparator.periodLabel} comparator
              </h1>
            </>
          }
        />
        <hr className="govuk-section-break govuk-section-break--l govuk-section-break--visible" />
        <RemoveComparatorForm
          code={indicator.code}
          version={version}
          id={comparator.id}
          name={`${comparator.label} ${comparator.periodLabel}`}
        />
      </div>
    </div>
  );
}
