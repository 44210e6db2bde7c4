import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { listSectionsForAdmin } from "@/lib/sections/list-sections";
import { MoveButtons } from "./move-buttons";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { TableHead } from "@/components/table-head";

export const metadata: Metadata = { title: "Sections" };

export default async function SectionsPage() {
  const user = await requirePermission("section.manage");
  const sections = await listSectionsForAdmin(user);
  return (
    <>
      <Breadcrumbs items={[{ href: "/admin", text: "Administration" }]} />
      <h1 className="govuk-heading-xl">Sections</h1>
      <p className="govuk-body">
        The pack shows its sections in this order. The service leads who own a section enter its figures and write its commentary.
      </p>
      <Link href="/admin/sections/new" role="button" draggable={false} className="govuk-button" data-module="govuk-button">
        Add a section
      </Link>
      {sections.length ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Sections in pack order</caption>
          <TableHead
            columns={[{ text: "Position", numeric: true }, "Section", "Owners", { text: "Active indicators", numeric: true }, "Order"]}
          />
          <tbody className="govuk-table__body">
            {sections.map((s, i) => (
              <tr key={s.id} className="govuk-table__row">
                <td className="govuk-table__cell govuk-table__cell--numeric">{i + 1}</td>
                <th scope="row" className="govuk-table__header">
                  <Link className="govuk-link" href={`/admin/sections/${s.slug}`}>
                    {s.name}
                  </Link>
                </th>
                <td className="govuk-table__cell">
                  {s.owners.length ? (
                    <ul className="govuk-list govuk-!-margin-bottom-0">
                      {s.owners.map(({ user: o }) => (
                        <li key={o.id}>
                          {o.name}
                          {!o.active ? " (deactivated)" : o.role !== "SERVICE_LEAD" ? " (no longer a service lead)" : ""}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <strong className="govuk-tag govuk-tag--yellow">No owner</strong>
                  )}
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">
                  <Link className="govuk-link" href={`/admin/indicators?section=${s.id}`}>
                    {s._count.indicators}
                    <span className="govuk-visually-hidden"> active indicators in {s.name}</span>
                  </Link>
                </td>
                <td className="govuk-table__cell">
                  <MoveButtons id={s.id} name={s.name} first={i === 0} last={i === sections.length - 1} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="govuk-body">There are no sections yet.</p>
      )}
    </>
  );
}
