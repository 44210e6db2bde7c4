import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { countCatalogue } from "@/lib/home/home-summary";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  await requirePermission("admin.view");
  const counts = await countCatalogue();
  return (
    <>
      <h1 className="govuk-heading-xl">Administration</h1>
      <p className="govuk-body">
        {counts.indicators} active indicators in {counts.sections} sections, {counts.users} active users and {counts.periods} periods.
      </p>
    </>
  );
}
