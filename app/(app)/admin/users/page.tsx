import Link from "next/link";
import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { roleLabel } from "@/lib/auth/roles";
import { listUsers } from "@/lib/users/list-users";
import { STATUS_TAG_CLASS, userStatus } from "@/lib/users/user-status";
import { formatDateTime } from "@/lib/format/dates";
import { Breakable } from "../audit/breakable";
import { GovukTable } from "@/components/govuk-table";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePermission("user.manage");
  const users = await listUsers(actor);
  const now = new Date();
  const active = users.filter((u) => u.active).length;
  return (
    <>
      <h1 className="govuk-heading-xl">Users</h1>
      <p className="govuk-body">
        {active.toLocaleString("en-GB")} active {active === 1 ? "account" : "accounts"}
        {users.length > active ? `, ${(users.length - active).toLocaleString("en-GB")} deactivated` : ""}.
      </p>
      <Link href="/admin/users/new" role="button" draggable="false" className="govuk-button" data-module="govuk-button">
        Add a user
      </Link>
      <GovukTable
        caption="Users and their roles"
        captionHidden
        scroll={{ label: "Users", className: "app-scroll-region--spaced app-scroll-region--min" }}
        rows={users.map((u) => ({ ...u, status: userStatus(u, now) }))}
        rowKey={(u) => u.id}
        columns={[
          {
            header: "Name",
            rowHeader: true,
            cell: (u) => (
              <a className="govuk-link" href={`/admin/users/${u.id}`}>
                {u.name}
              </a>
            ),
          },
          { header: "Email address", cell: (u) => <Breakable text={u.email} /> },
          { header: "Role", cell: (u) => roleLabel[u.role] },
          { header: "Status", cell: (u) => <strong className={STATUS_TAG_CLASS[u.status.kind]}>{u.status.label}</strong> },
          { header: "Last signed in", cell: (u) => (u.lastSignInAt ? formatDateTime(u.lastSignInAt) : "Never") },
        ]}
      />
    </>
  );
}
