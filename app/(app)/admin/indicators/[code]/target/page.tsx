import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { findIndicatorForEdit } from "@/lib/catalogue/find-indicator";
import { earliestTargetMonth, suggestedTargetMonth } from "@/lib/catalogue/change-indicator-target";
import { formatFigure } from "@/lib/catalogue/indicator-labels";
import { addMonths, formatMonth } from "@/lib/format/dates";
import { dateToParts } from "@/lib/validation/date-parts";
import { TargetForm } from "./target-form";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Change the target: ${decodeURIComponent((await params).code)}` };
}

export default async function ChangeTargetPage({ params }: Props) {
  const user = await requirePermission("indicator.manage");
  const [earliest, suggested] = await Promise.all([earliestTargetMonth(), suggestedTargetMonth()]);
  const indicator = await findIndicatorForEdit(user, decodeURIComponent((await params).code), suggested ?? undefined);
  if (!indicator) notFound();
  // An indicator with no better direction can only have no target: the form then only asks from
  // when its target is removed, and is not offered at all when it has never had one.
  const onlyNoTarget = indicator.polarity === "NEITHER";
  const nothingToRemove = onlyNoTarget && !indicator.targets.some((t) => t.target !== null);
  const inForce = indicator.inForce;
  const suffix = indicator.unit === "PERCENT" ? "%" : indicator.unit === "RATE_PER_10K" ? "per 10,000" : "";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link href={`/admin/indicators/${indicator.code}#target`} className="govuk-back-link">
          Back to {indicator.name}
        </Link>
        <TargetForm
          code={indicator.code}
          version={indicator.updatedAt.toISOString()}
          suffix={suffix}
          wholeNumbers={indicator.unit === "COUNT"}
          onlyNoTarget={onlyNoTarget}
          nothingToRemove={nothingToRemove}
          defaults={{ ...dateToParts(suggested), target: "", tolerance: "", noTarget: onlyNoTarget }}
          earliestHint={
            earliest
              ? `Packs up to ${formatMonth(addMonths(earliest, -1))} are signed off, so the earliest month is ${formatMonth(earliest)}.`
              : null
          }
          heading={
            <>
              <span className="govuk-caption-l">{indicator.name}</span>
              <h1 className="govuk-heading-l">Change the target</h1>
              <p className="govuk-body">
                {inForce?.target != null
                  ? `The target for ${formatMonth(indicator.month)} is ${formatFigure(inForce.target, indicator.unit, indicator.decimals)}${inForce.tolerance != null ? `, with a tolerance of ${inForce.tolerance}` : ""}.`
                  : `There is no target for ${formatMonth(indicator.month)}.`}{" "}
                The change is added to the target history: nothing already recorded is rewritten.
              </p>
              {onlyNoTarget ? (
                <div className="govuk-inset-text">
                  This indicator has no better direction (its polarity is Neither), so it can only have no target.{" "}
                  {nothingToRemove
                    ? "It has never had one, so there is nothing to change. To set a target, change its polarity first."
                    : "You can remove the target it has from a month onwards. To set a target, change its polarity first."}
                </div>
              ) : null}
            </>
          }
        />
      </div>
    </div>
  );
}
