// The pack part of the period page: preview link for staff, and for the director what can be done
// next (sign off, publish, amend) or, when sign-off is not possible yet, exactly what is missing.
import { availablePeriodActions, isPeriodEditable } from "@/lib/periods/period-lifecycle";
import type { SessionUser } from "@/lib/auth/roles";
import type { PeriodStatus } from "@/lib/generated/prisma/enums";
import type { Readiness } from "@/lib/periods/readiness";
import { CommentaryTag } from "@/components/commentary-tag";
import { AmendmentForm, PublishForm, SignOffForm } from "./pack-forms";

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
      {actions.includes("signOff") && readiness.ready ? <SignOffForm month={month} version={version} /> : null}
      {actions.includes("signOff") && !readiness.ready ? (
        <div className="govuk-inset-text">
          <h3 className="govuk-heading-s">The pack cannot be signed off yet</h3>
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
        </div>
      ) : null}
      {actions.includes("publish") ? <PublishForm month={month} version={version} /> : null}
      {actions.includes("amend") ? <AmendmentForm month={month} version={version} /> : null}
      {status === "SIGNED_OFF" && !actions.includes("publish") ? (
        <p className="govuk-body">Signed off. Waiting for the director to publish it.</p>
      ) : null}
      {status === "PUBLISHED" ? <p className="govuk-body">Published to the scrutiny panel.</p> : null}
    </section>
  );
}
