import type { Metadata } from "next";
import Link from "next/link";
import { ComparatorForm } from "../comparator-form";
import { addComparatorAction } from "../actions";
import { loadIndicatorForComparator } from "../comparator-page-parts";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Add a comparator: ${decodeURIComponent((await params).code)}` };
}

export default async function NewComparatorPage({ params }: Props) {
  const { indicator, suffix } = await loadIndicatorForComparator((await params).code);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link href={`/admin/indicators/${indicator.code}#comparators`} className="govuk-back-link">
          Back to {indicator.name}
        </Link>
        <ComparatorForm
          action={addComparatorAction}
          code={indicator.code}
          version={indicator.updatedAt.toISOString()}
          saved={{ label: "", periodLabel: "", value: "", source: "", notes: "" }}
          suffix={suffix}
          submitLabel="Add comparator"
          heading={
            <>
              <span className="govuk-caption-l">{indicator.name}</span>
              <h1 className="govuk-heading-l">Add a comparator</h1>
              <p className="govuk-body">A published figure to show beside the council&apos;s own, such as the England figure for a year.</p>
            </>
          }
        />
      </div>
    </div>
  );
}
