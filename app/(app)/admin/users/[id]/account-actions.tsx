// The buttons for what an administrator can do to an account, shown only when they apply. The
// domain functions refuse the rest anyway.
import { allowLocalSignInAction, reactivateUserAction, refuseLocalSignInAction, unlockUserAction } from "./actions";
import { UserChangeForm } from "./user-change-form";

type Props = {
  user: {
    id: string;
    name: string;
    active: boolean;
    locked: boolean;
    version: number;
    linkedToEntra: boolean;
    hasPassword: boolean;
    localSignInAllowed: boolean;
  };
  self: boolean;
};

export function AccountActions({ user, self }: Props) {
  return (
    <>
      {user.locked ? (
        <section aria-labelledby="unlock-heading" className="govuk-!-margin-bottom-6">
          <h3 className="govuk-heading-s" id="unlock-heading">
            Unlock
          </h3>
          <p className="govuk-body">The account is locked after 5 failed sign-ins in a row. Unlocking lets {user.name} try again now.</p>
          <UserChangeForm action={unlockUserAction} userId={user.id} version={user.version} label="Unlock account" />
        </section>
      ) : null}
      {user.linkedToEntra && user.hasPassword ? (
        <section aria-labelledby="local-heading" className="govuk-!-margin-bottom-6">
          <h3 className="govuk-heading-s" id="local-heading">
            Signing in with a password
          </h3>
          {user.localSignInAllowed ? (
            <>
              <p className="govuk-body">
                {user.name} can sign in with their password as well as with Microsoft, so Microsoft&rsquo;s checks (a disabled account,
                their app role, multi-factor authentication) do not apply to that way in. Refuse it once it is no longer needed.
              </p>
              <UserChangeForm action={refuseLocalSignInAction} userId={user.id} version={user.version} label="Refuse password sign-in" />
            </>
          ) : (
            <>
              <p className="govuk-body">
                {user.name} signs in with Microsoft, so their password is refused. Allow it only if they cannot use Microsoft for a while:
                Microsoft&rsquo;s checks will not apply to it.
              </p>
              <UserChangeForm
                action={allowLocalSignInAction}
                userId={user.id}
                version={user.version}
                label="Allow password sign-in"
                variant="warning"
              />
            </>
          )}
        </section>
      ) : null}
      <section aria-labelledby="password-heading" className="govuk-!-margin-bottom-6">
        <h3 className="govuk-heading-s" id="password-heading">
          Password
        </h3>
        <p className="govuk-body">Make a new password for {user.name} if they have forgotten theirs or it may be known to someone else.</p>
        <a
          href={`/admin/users/${user.id}/reset-password`}
          role="button"
          draggable="false"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
        >
          Reset password
        </a>
      </section>
      {self ? null : (
        <section aria-labelledby="access-heading">
          <h3 className="govuk-heading-s" id="access-heading">
            Access
          </h3>
          {user.active ? (
            <>
              <p className="govuk-body">Deactivating stops {user.name} signing in, straight away. You can reactivate the account later.</p>
              <a
                href={`/admin/users/${user.id}/deactivate`}
                role="button"
                draggable="false"
                className="govuk-button govuk-button--warning"
                data-module="govuk-button"
              >
                Deactivate account
              </a>
            </>
          ) : (
            <>
              <p className="govuk-body">
                The account is deactivated. Reactivating lets {user.name} sign in again with the role and sections they had.
              </p>
              <UserChangeForm action={reactivateUserAction} userId={user.id} version={user.version} label="Reactivate account" />
            </>
          )}
        </section>
      )}
    </>
  );
}
