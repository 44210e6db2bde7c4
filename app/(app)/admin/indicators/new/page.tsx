import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { listSectionOptions } from "@/lib/catalogue/list-catalogue";
import { IndicatorForm, type IndicatorFormValues } from "../indicator-form";
import { createIndicatorAction } from "./actions";

export const metadata: Metadata = { title: "Add an indicator" };

const BLANK: IndicatorFormValues = {
  code: "",
  name: "",
  sectionId: "",
  definition: "",
  unit: "",
  polarity: "",
  measureType: "",
  decimals: "0",
  order: "",
  timescale: "",
  timescaleBasis: "",
  dataSource: "",
  suppressSmallNumbers: false,
  active: true,
};

export default async function NewIndicatorPage({ searchParams }: { searchParams: Promise<{ section?: string }> }) {
  const user = await requirePermission("indicator.manage");
  const sections = await listSectionOptions(user);
  const { section } = await searchParams;
  const saved = { ...BLANK, sectionId: sections.some((s) => s.id === section) ? section! : "" };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link href="/admin/indicators" className="govuk-back-link">
          Back to indicators
        </Link>
        <IndicatorForm
          action={createIndicatorAction}
          sections={sections}
          saved={saved}
          submitLabel="Add indicator"
          heading={
            <>
              <h1 className="govuk-heading-l">Add an indicator</h1>
              <p className="govuk-body">After adding it you can set its target and add comparators, such as the England figure.</p>
            </>
          }
        />
      </div>
    </div>
  );
}
