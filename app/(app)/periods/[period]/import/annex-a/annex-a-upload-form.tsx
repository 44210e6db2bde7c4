"use client";
// The Annex A upload form: the import's upload form with the two dates stated with the lists (when
// they were extracted, and the date they cover from) as GOV.UK date inputs, shown with their errors.
import type { ReactNode } from "react";
import { DateInput } from "@/components/form/date-input";
import type { AnnexADates } from "@/lib/annex-a/annex-a-input";
import { MAX_ANNEX_A_BYTES } from "@/lib/annex-a/limits";
import { UploadForm } from "../upload-form";

type Parts = { day: string; month: string; year: string };

export function AnnexAUploadForm({
  action,
  heading,
  children,
  initialErrors,
  asAt,
  coversFrom,
  neededFrom,
}: {
  action: string;
  heading: ReactNode;
  children: ReactNode;
  initialErrors: Record<string, string>;
  asAt: Parts;
  coversFrom: Parts;
  neededFrom: string;
}) {
  return (
    <UploadForm
      action={action}
      heading={heading}
      kind="workbook"
      maxBytes={MAX_ANNEX_A_BYTES}
      initialErrors={initialErrors}
      label="Annex A workbook"
      submitText="Upload and compute the figures"
      fields={(errors) => (
        <>
          <DateInput
            id={"asAt" satisfies keyof AnnexADates}
            legend="When were the lists extracted?"
            legendSize="s"
            parts={["day", "month", "year"]}
            defaults={asAt}
            error={errors.asAt}
            hint="The date the case management system produced the lists. Figures from columns that hold only the latest value (last visits, placements, health assessments, care leavers' details) are worked out only when this is the month's last day."
          />
          <DateInput
            id={"coversFrom" satisfies keyof AnnexADates}
            legend="What date do the lists cover from?"
            legendSize="s"
            parts={["day", "month", "year"]}
            defaults={coversFrom}
            error={errors.coversFrom}
            hint={`Events before this date are not in the lists. Figures over 12 months need ${neededFrom} or earlier.`}
          />
        </>
      )}
    >
      {children}
    </UploadForm>
  );
}
