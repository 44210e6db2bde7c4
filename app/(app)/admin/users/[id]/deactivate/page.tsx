import type { Metadata } from "next";
import { loadUserPage } from "../load-user-page";
import { userPageMetadata } from "../user-page-title";
import { UserChangeForm } from "../user-change-form";
import { deactivateUserAction } from "./actions";

export const generateMetadata = ({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> =>
  userPageMetadata(params, "Deactivate account");

export default async function DeactivatePage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, user } = await loadUserPage(params);
  const back = `/admin/users/${user.id}`;
  let body;
  if (actor.id === user.id) {
    body = (
      <>
        <h1 className="govuk-heading-l">You cannot deactivate your own account</h1>
        <p className="govuk-body">Ask another administrator to do it.</p>
      </>
    );
  } else if (!user.active) {
    body = (
      <>
        <h1 className="govuk-heading-l">{user.name}&apos;s account is already deactivated</h1>
        <p className="govuk-body">
          <a className="govuk-link" href={back}>
            Go back to the account
          </a>{" "}
          to reactivate it.
        </p>
      </>
    );
  } else {
    body = (
      <>
        <h1 className="govuk-heading-l">Deactivate {user.name}&apos;s account?</h1>
        <ul className="govuk-list govuk-list--bullet">
          <li>{user.name} cannot sign in from now on.</li>
          <li>If they are signed in, the next page they open sends them to the sign-in page.</li>
          <li>Everything they entered stays, with their name on it.</li>
          {user.sections.length ? (
            <li>
              They stay listed as owner of {user.sections.map((s) => s.name).join(", ")}, so reactivating them restores everything. If
              someone else is taking over, give the {user.sections.length === 1 ? "section" : "sections"} a new owner.
            </li>
          ) : null}
          <li>You can reactivate the account later.</li>
        </ul>
        <UserChangeForm
          action={deactivateUserAction}
          userId={user.id}
          version={user.adminVersion}
          label="Deactivate account"
          variant="warning"
          cancelHref={back}
        />
      </>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={back} className="govuk-back-link">
          Back to {user.name}
        </a>
        {body}
      </div>
    </div>
  );
}
