import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { NewSectionForm } from "./new-section-form";

export const metadata: Metadata = { title: "Add a section" };

export default async function NewSectionPage() {
  await requirePermission("section.manage");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link href="/admin/sections" className="govuk-back-link">
          Back to sections
        </Link>
        <NewSectionForm />
      </div>
    </div>
  );
}
