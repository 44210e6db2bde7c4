import type { Metadata } from "next";
import { roleLabel } from "@/lib/auth/roles";
import { loadUserPage } from "../load-user-page";
import { userPageMetadata } from "../user-page-title";
import { ChangeRoleForm } from "./change-role-form";

export const generateMetadata = ({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> =>
  userPageMetadata(params, "Change role");

export default async function ChangeRolePage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, user } = await loadUserPage(params);
  const back = `/admin/users/${user.id}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={back} className="govuk-back-link">
          Back to {user.name}
        </a>
        {actor.id === user.id ? (
          <>
            <h1 className="govuk-heading-l">You cannot change your own role</h1>
            <p className="govuk-body">
              Ask another administrator to change it. This stops the last administrator removing themselves by mistake.
            </p>
          </>
        ) : (
          <ChangeRoleForm
            user={{ id: user.id, name: user.name, role: user.role, roleLabel: roleLabel[user.role], version: user.adminVersion }}
            sections={user.role === "SERVICE_LEAD" ? user.sections.map((s) => s.name) : []}
          />
        )}
      </div>
    </div>
  );
}
