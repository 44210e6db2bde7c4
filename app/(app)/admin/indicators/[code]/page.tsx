import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { findIndicatorForEdit } from "@/lib/catalogue/find-indicator";
import { listSectionOptions } from "@/lib/catalogue/list-catalogue";
import { formatDateTime, formatMonth, isMonth } from "@/lib/format/dates";
import { IndicatorForm } from "../indicator-form";
import { TargetSummary } from "./target-summary";
import { ComparatorList } from "./comparator-list";
import { updateIndicatorAction } from "./actions";
import { Breadcrumbs } from "@/components/breadcrumbs";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ done?: string; from?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Indicator ${decodeURIComponent((await params).code)}` };
}

export default async function IndicatorPage({ params, searchParams }: Props) {
  const user = await requirePermission("indicator.manage");
  const code = decodeURIComponent((await params).code);
  const [indicator, sections] = await Promise.all([findIndicatorForEdit(user, code), listSectionOptions(user)]);
  if (!indicator) notFound();
  const { done, from } = await searchParams;
  const doneMessage = doneMessages(done, from);
  const saved = {
    code: indicator.code,
    name: indicator.name,
    sectionId: indicator.sectionId,
    definition: indicator.definition,
    unit: indicator.unit,
    polarity: indicator.polarity,
    measureType: indicator.measureType,
    decimals: String(indicator.decimals),
    order: String(indicator.order),
    timescale: indicator.timescale ?? "",
    timescaleBasis: indicator.timescaleBasis ?? "",
    dataSource: indicator.dataSource ?? "",
    suppressSmallNumbers: indicator.suppressSmallNumbers,
    active: indicator.active,
  };
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/admin", text: "Administration" },
          { href: "/admin/indicators", text: "Indicators" },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <IndicatorForm
            action={updateIndicatorAction}
            sections={sections}
            saved={saved}
            version={indicator.updatedAt.toISOString()}
            submitLabel="Save details"
            notice={doneMessage}
            heading={
              <>
                <span className="govuk-caption-l">{indicator.section.name}</span>
                <h1 className="govuk-heading-l">{indicator.name}</h1>
                {indicator.lastChange ? (
                  <p className="govuk-body-s app-muted">
                    Last changed by {indicator.lastChange.actorName} on {formatDateTime(indicator.lastChange.at)}
                  </p>
                ) : null}
                <nav aria-label="On this page">
                  <ul className="govuk-list">
                    <li>
                      <a className="govuk-link" href="#target">
                        Target
                      </a>
                    </li>
                    <li>
                      <a className="govuk-link" href="#comparators">
                        Comparators
                      </a>
                    </li>
                  </ul>
                </nav>
                <h2 className="govuk-heading-m" id="details">
                  Details
                </h2>
              </>
            }
          />
        </div>
      </div>
      <TargetSummary indicator={indicator} />
      <ComparatorList indicator={indicator} />
    </>
  );
}

function doneMessages(done: string | undefined, from: string | undefined): string | null {
  switch (done) {
    case "added":
      return "Indicator added. You can now set its target and add comparators.";
    case "target":
      return from && isMonth(from) ? `Target changed from ${formatMonth(from)} onwards` : "Target changed";
    case "comparator-added":
      return "Comparator added";
    case "comparator-changed":
      return "Comparator changed";
    case "comparator-removed":
      return "Comparator removed";
    default:
      return null;
  }
}
