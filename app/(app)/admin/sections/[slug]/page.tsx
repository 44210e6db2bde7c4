import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCurrentUser, requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { findSectionForAdmin } from "@/lib/sections/list-sections";
import { SectionEditor } from "./section-editor";
import { Breadcrumbs } from "@/components/breadcrumbs";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await getCurrentUser();
  const section =
    user && can(user.role, "section.manage") ? await findSectionForAdmin(user, decodeURIComponent((await params).slug)) : null;
  return { title: section ? `${section.name}: section` : "Section" };
}

export default async function SectionPage({ params, searchParams }: Props) {
  const user = await requirePermission("section.manage");
  const section = await findSectionForAdmin(user, decodeURIComponent((await params).slug));
  if (!section) notFound();
  const { done } = await searchParams;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/admin", text: "Administration" },
          { href: "/admin/sections", text: "Sections" },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SectionEditor
            section={{ id: section.id, name: section.name, version: section.updatedAt.toISOString(), ownerIds: section.ownerIds }}
            leads={section.leads}
            formerLeads={section.formerLeads}
            notice={done === "added" ? `Section added. Now choose who owns it.` : null}
            heading={
              <>
                <span className="govuk-caption-l">Section</span>
                <h1 className="govuk-heading-l">{section.name}</h1>
                <p className="govuk-body">
                  <Link className="govuk-link" href={`/admin/indicators?section=${section.id}`}>
                    See this section&apos;s indicators
                  </Link>
                </p>
              </>
            }
          />
        </div>
      </div>
    </>
  );
}
