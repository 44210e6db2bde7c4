// The pack part of the period page: preview link for staff, and for the director what can be done
// next (sign off, publish, amend) or, when sign-off is not possible yet, exactly what is missing.
// Sign-off and publication cannot be undone, so each is a link to its check page, which confirms it.
import { availablePeriodActions, isPeriodEditable } from "@/lib/periods/period-lifecycle";
import type { SessionUser } from "@/lib/auth/roles";
import type { PeriodStatus } from "@/lib/generated/prisma/enums";
import type { Readiness } from "@/lib/periods/readiness";
import { CommentaryTag } from "@/components/commentary-tag";
import type { ReactNode } from "react";
import { findPanelAudience } from "@/lib/pack/lifecycle/find-step-check";
import { countOf } from "@/lib/pack/lifecycle/summarise-pack";
import { AmendmentForm } from "./pack-forms";

export function PackControls({
  user,
  month,
  status,
  version,
  readiness,
  amendmentReason,
}: {
  user: SessionUser;
  month: string;
  status: PeriodStatus;
  version: number;
  readiness: Readiness;
  amendmentReason: string | null;
}) {
  const actions = availablePeriodActions(user, { month, status });
  const open = isPeriodEditable(status);
  return (
    <section aria-labelledby="pack-heading" className="app-pack-controls">
      <h2 className="govuk-heading-m" id="pack-heading">
        The pack
      </h2>
      {status === "AMENDING" ? <div className="govuk-inset-text">Amendment in progress: {amendmentReason}</div> : null}
      <p className="govuk-body">
        <a className="govuk-link" href={`/packs/${month}${open ? "?preview=1" : ""}`}>
          {open ? "Preview the pack as it stands" : "Read the signed-off pack"}
        </a>
      </p>
      {actions.includes("signOff") && readiness.ready ? (
        <>
          <p className="govuk-body">
            Signing off freezes the figures, targets, ratings, comparators and commentary exactly as they are now. You can check what will
            be frozen before you confirm.
          </p>
          <StepLink href={`/periods/${month}/sign-off`}>Continue to sign off</StepLink>
        </>
      ) : null}
      {actions.includes("signOff") && !readiness.ready ? (
        <div className="govuk-inset-text">
          <h3 className="govuk-heading-s">The pack cannot be signed off yet</h3>
          <NotReadyList month={month} readiness={readiness} />
        </div>
      ) : null}
      {actions.includes("publish") ? (
        <>
          <p className="govuk-body">
            Publishing makes this version visible to the scrutiny panel. You can check who will be able to read it before you confirm.
          </p>
          <StepLink href={`/periods/${month}/publish`}>Continue to publish</StepLink>
        </>
      ) : null}
      {actions.includes("amend") ? <AmendmentForm month={month} version={version} /> : null}
      {status === "SIGNED_OFF" && !actions.includes("publish") ? (
        <p className="govuk-body">Signed off. Waiting for the director to publish it.</p>
      ) : null}
      {status === "PUBLISHED" ? <p className="govuk-body">Published to the scrutiny panel.</p> : null}
    </section>
  );
}

/** A GOV.UK button that is a link: on to a check page, which holds the real button. */
function StepLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} role="button" draggable="false" className="govuk-button" data-module="govuk-button">
      {children}
    </a>
  );
}

/** What stops sign-off: the sections not approved and the indicators with no value, each a link to where it is fixed. */
export function NotReadyList({ month, readiness }: { month: string; readiness: Pick<Readiness, "sectionsNotApproved" | "missingValues"> }) {
  return (
    <>
      {readiness.sectionsNotApproved.length ? (
        <>
          <p className="govuk-body">Sections not approved:</p>
          <ul className="govuk-list govuk-list--bullet">
            {readiness.sectionsNotApproved.map((s) => (
              <li key={s.slug}>
                <a className="govuk-link" href={`/periods/${month}/sections/${s.slug}`}>
                  {s.name}
                </a>{" "}
                <CommentaryTag state={s.state} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {readiness.missingValues.length ? (
        <>
          <p className="govuk-body">Indicators without a value or a &quot;not available&quot; reason:</p>
          <ul className="govuk-list govuk-list--bullet">
            {readiness.missingValues.map((m) => (
              <li key={m.code}>
                <a className="govuk-link" href={`/periods/${month}/values#row-${m.code}`}>
                  {m.name}
                </a>{" "}
                ({m.sectionName})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** Inside the "published" banner: who can now read the pack (nobody is emailed), and the way to it. */
export async function PublishedNote({ month }: { month: string }) {
  const panel = await findPanelAudience();
  const names = panel.length > 1 ? `${panel.slice(0, -1).join(", ")} and ${panel.at(-1)}` : panel[0];
  return (
    <>
      <p className="govuk-body">
        {panel.length
          ? `${countOf(panel.length, "panel member")} can now read it: ${names}. Nobody was emailed, so tell the panel it is ready.`
          : "No panel member has an active account, so no one on the panel can read it yet. Nobody was emailed."}
      </p>
      <p className="govuk-body">
        <a className="govuk-notification-banner__link" href={`/packs/${month}`}>
          Read the published pack
        </a>
      </p>
    </>
  );
}
