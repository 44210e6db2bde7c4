import Link from "next/link";
import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { roleLabel } from "@/lib/auth/roles";
import { listUsers } from "@/lib/users/list-users";
import { STATUS_TAG_CLASS, userStatus } from "@/lib/users/user-status";
import { formatDateTime } from "@/lib/format/dates";
import { Breakable } from "../audit/breakable";
import { TableHead } from "@/components/table-head";
import { ScrollRegion } from "@/components/scroll-region";

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
      <ScrollRegion label="Users" className="app-scroll-region--spaced app-scroll-region--min">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Users and their roles</caption>
          <TableHead columns={["Name", "Email address", "Role", "Status", "Last signed in"]} />
          <tbody className="govuk-table__body">
            {users.map((u) => {
              const status = userStatus(u, now);
              return (
                <tr className="govuk-table__row" key={u.id}>
                  <th scope="row" className="govuk-table__header">
                    <a className="govuk-link" href={`/admin/users/${u.id}`}>
                      {u.name}
                    </a>
                  </th>
                  <td className="govuk-table__cell">
                    <Breakable text={u.email} />
                  </td>
                  <td className="govuk-table__cell">{roleLabel[u.role]}</td>
                  <td className="govuk-table__cell">
                    <strong className={STATUS_TAG_CLASS[status.kind]}>{status.label}</strong>
                  </td>
                  <td className="govuk-table__cell">{u.lastSignInAt ? formatDateTime(u.lastSignInAt) : "Never"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
