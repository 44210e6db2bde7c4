import Link from "next/link";
import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { AddUserForm } from "./add-user-form";

export const metadata: Metadata = { title: "Add a user" };

export default async function AddUserPage() {
  await requirePermission("user.manage");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link href="/admin/users" className="govuk-back-link">
          Back to users
        </Link>
        <AddUserForm />
      </div>
    </div>
  );
}
