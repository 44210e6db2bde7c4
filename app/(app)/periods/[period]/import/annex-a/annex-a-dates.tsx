"use client";
// The two dates stated with an Annex A upload, as GOV.UK date inputs inside the upload form.
import { DateInput } from "@/components/form/date-input";
import type { AnnexADates } from "@/lib/annex-a/annex-a-input";

type Parts = { day: string; month: string; year: string };

export function AnnexADateFields({ errors, asAt, coversFrom, neededFrom }: { errors: Record<string, string>; asAt: Parts; coversFrom: Parts; neededFrom: string }) {
  return (
    <>
      <DateInput id={"asAt" satisfies keyof AnnexADates} legend="When were the lists extracted?" legendSize="s" parts={["day", "month", "year"]} defaults={asAt} error={errors.asAt}
        hint="The date the case management system produced the lists. Figures from columns that hold only the latest value (last visits, placements, health assessments, care leavers' details) are worked out only when this is the month's last day." />
      <DateInput id={"coversFrom" satisfies keyof AnnexADates} legend="What date do the lists cover from?" legendSize="s" parts={["day", "month", "year"]} defaults={coversFrom} error={errors.coversFrom}
        hint={`Events before this date are not in the lists. Figures over 12 months need ${neededFrom} or earlier.`} />
    </>
  );
}
