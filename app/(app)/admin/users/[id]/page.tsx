import Link from "next/link";
import { SummaryRow } from "@/components/summary-list";
import type { Metadata } from "next";
import { getCurrentUser } from "@/lib/auth/current-user";
import { roleLabel } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { findUserDetails } from "@/lib/users/find-user-details";
import { articleFor } from "@/lib/users/change-user-role";
import { STATUS_TAG_CLASS, userStatus } from "@/lib/users/user-status";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import { AccountActions } from "./account-actions";
import { loadUserPage } from "./load-user-page";
import { NotificationBanner } from "@/components/notification-banner";

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  try {
    const user = await findUserDetails(await getCurrentUser(), (await params).id);
    return { title: `${user.name}: user` };
  } catch {
    return { title: "User" };
  }
}

const DONE: Record<string, (u: { name: string; role: Role }) => string> = {
  role: (u) => `Role changed. ${u.name} is now ${articleFor(u.role)} ${roleLabel[u.role].toLowerCase()}.`,
  deactivated: (u) => `Account deactivated. ${u.name} can no longer sign in, and the next page they open sends them to sign in.`,
  reactivated: (u) => `Account reactivated. ${u.name} can sign in again.`,
  unlocked: (u) => `Account unlocked. ${u.name} can sign in again now.`,
  localAllowed: (u) => `${u.name} can now sign in with their password as well as with Microsoft.`,
  localRefused: (u) => `${u.name} now signs in with Microsoft only.`,
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UserPage({ params, searchParams }: Props) {
  const { actor, user } = await loadUserPage(params);
  const { done } = await searchParams;
  const status = userStatus(user);
  const self = actor.id === user.id;
  const doneMessage = typeof done === "string" && Object.hasOwn(DONE, done) ? DONE[done](user) : undefined;

  return (
    <>
      <Link href="/admin/users" className="govuk-back-link">
        Back to users
      </Link>
      {doneMessage ? <NotificationBanner id="done-title" heading={doneMessage} /> : null}
      <span className="govuk-caption-l">User</span>
      <h1 className="govuk-heading-l">{user.name}</h1>
      <dl className="govuk-summary-list">
        <Row label="Email address" value={user.email} />
        <Row
          label="Role"
          value={roleLabel[user.role]}
          action={self ? undefined : { href: `/admin/users/${user.id}/role`, text: "Change", hidden: "role" }}
        />
        <Row label="Status" value={<strong className={STATUS_TAG_CLASS[status.kind]}>{status.label}</strong>} />
        {user.role === "SERVICE_LEAD" || user.sections.length ? (
          <Row
            label="Sections owned"
            value={
              user.sections.length ? (
                <ul className="govuk-list">
                  {user.sections.map((s) => (
                    <li key={s.id}>{s.name}</li>
                  ))}
                </ul>
              ) : (
                "None yet"
              )
            }
          />
        ) : null}
        <Row label="Last signed in" value={user.lastSignInAt ? formatDateTime(user.lastSignInAt) : "Never"} />
        {user.failedSignIns > 0 ? <Row label="Failed sign-ins since then" value={String(user.failedSignIns)} /> : null}
        <Row
          label="Signs in with"
          value={
            [
              user.hasPassword && (!user.externalId || user.localSignInAllowed) ? "A password" : "",
              user.externalId ? "Their Microsoft account" : "",
            ]
              .filter(Boolean)
              .join(" or ") || "Nothing yet: reset the password to give them one"
          }
        />
        <Row label="Added" value={formatDate(user.createdAt)} />
      </dl>
      <p className="govuk-body">
        <a className="govuk-link" href={`/admin/audit?entity=User&entityId=${user.id}`}>
          See the audit history of this account
        </a>
      </p>

      <h2 className="govuk-heading-m">Manage this account</h2>
      {self ? (
        <div className="govuk-inset-text">
          This is your own account. You cannot change your own role or deactivate yourself: ask another administrator.
        </div>
      ) : null}
      <AccountActions
        user={{
          id: user.id,
          name: user.name,
          active: user.active,
          locked: status.kind === "locked",
          version: user.adminVersion,
          linkedToEntra: user.externalId !== null,
          hasPassword: user.hasPassword,
          localSignInAllowed: user.localSignInAllowed,
        }}
        self={self}
      />
    </>
  );
}

/** Every row of this account's summary: some have a change link, so the others say they have none. */
function Row({ label, value, action }: { label: string; value: React.ReactNode; action?: { href: string; text: string; hidden: string } }) {
  return (
    <SummaryRow label={label} action={action} mixed>
      {value}
    </SummaryRow>
  );
}
