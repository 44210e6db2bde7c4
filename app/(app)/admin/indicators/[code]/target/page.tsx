import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { findIndicatorForEdit } from "@/lib/catalogue/find-indicator";
import { earliestTargetMonth } from "@/lib/catalogue/change-indicator-target";
import { formatFigure } from "@/lib/catalogue/indicator-labels";
import { addMonths, formatMonth } from "@/lib/format/dates";
import { TargetForm } from "./target-form";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Change the target: ${decodeURIComponent((await params).code)}` };
}

export default async function ChangeTargetPage({ params }: Props) {
  const user = await requirePermission("indicator.manage");
  const indicator = await findIndicatorForEdit(user, decodeURIComponent((await params).code));
  if (!indicator) notFound();
  const earliest = await earliestTargetMonth();
  const next = addMonths(indicator.month, 1);
  const start = earliest && earliest > next ? earliest : next;
  const [year, month] = start.split("-");
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
          defaults={{ month: String(Number(month)), year, target: "", tolerance: "", noTarget: indicator.polarity === "NEITHER" }}
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
              {indicator.polarity === "NEITHER" ? (
                <div className="govuk-warning-text">
                  <span className="govuk-warning-text__icon" aria-hidden="true">
                    !
                  </span>
                  <strong className="govuk-warning-text__text">
                    <span className="govuk-visually-hidden">Warning</span>
                    This indicator has no better direction, so it can only have no target. Change its polarity first to set one.
                  </strong>
                </div>
              ) : null}
            </>
          }
        />
      </div>
    </div>
  );
}
