import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { listSectionsForAdmin } from "@/lib/sections/list-sections";
import { MoveButtons } from "./move-buttons";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { GovukTable } from "@/components/govuk-table";

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
      <GovukTable
        caption="Sections in pack order"
        captionHidden
        scroll={{ label: "Sections", className: "app-scroll-region--spaced" }}
        rows={sections}
        rowKey={(s) => s.id}
        empty="There are no sections yet."
        columns={[
          { header: "Position", numeric: true, cell: (_, i) => i + 1 },
          {
            header: "Section",
            rowHeader: true,
            cell: (s) => (
              <Link className="govuk-link" href={`/admin/sections/${s.slug}`}>
                {s.name}
              </Link>
            ),
          },
          {
            header: "Owners",
            cell: (s) =>
              s.owners.length ? (
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
              ),
          },
          {
            header: "Active indicators",
            numeric: true,
            cell: (s) => (
              <Link className="govuk-link" href={`/admin/indicators?section=${s.id}`}>
                {s._count.indicators}
                <span className="govuk-visually-hidden"> active indicators in {s.name}</span>
              </Link>
            ),
          },
          {
            header: "Order",
            cell: (s, i) => <MoveButtons id={s.id} name={s.name} first={i === 0} last={i === sections.length - 1} />,
          },
        ]}
      />
    </>
  );
}
