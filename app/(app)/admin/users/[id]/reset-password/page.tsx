import type { Metadata } from "next";
import { loadUserPage } from "../load-user-page";
import { userPageMetadata } from "../user-page-title";
import { ResetPasswordForm } from "./reset-password-form";

export const generateMetadata = ({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> =>
  userPageMetadata(params, "Reset password");

export default async function ResetPasswordPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, user } = await loadUserPage(params);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={`/admin/users/${user.id}`} className="govuk-back-link">
          Back to {user.name}
        </a>
        <ResetPasswordForm
          user={{ id: user.id, name: user.name, email: user.email, active: user.active, version: user.adminVersion }}
          self={actor.id === user.id}
        />
      </div>
    </div>
  );
}
