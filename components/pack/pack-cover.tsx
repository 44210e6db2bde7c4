// The pack's cover: council, title, month, panel meeting, version and who signed it off.
import { roleLabel } from "@/lib/auth/roles";
import { formatDate, formatMonth } from "@/lib/format/dates";
import type { PackSnapshot } from "@/lib/pack/snapshot-types";

export function PackCover({ snapshot, signed }: { snapshot: Omit<PackSnapshot, "charts">; signed: boolean }) {
  return (
    <section className="app-pack-cover" aria-labelledby="pack-title">
      <p className="govuk-body-l app-pack-cover__council">{snapshot.council}</p>
      <h1 className="govuk-heading-xl" id="pack-title">
        {snapshot.title}
        <span className="govuk-caption-xl">{formatMonth(snapshot.month)}</span>
      </h1>
      <dl className="govuk-summary-list govuk-summary-list--no-border app-pack-cover__facts">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Scrutiny panel</dt>
          <dd className="govuk-summary-list__value">{formatDate(snapshot.panelMeetingDate)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Version</dt>
          <dd className="govuk-summary-list__value">{signed ? snapshot.version : "Draft"}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Sign-off</dt>
          <dd className="govuk-summary-list__value">
            {signed ? `Signed off by ${snapshot.signedOff.name}, ${roleLabel[snapshot.signedOff.role]} on ${formatDate(snapshot.signedOff.at)}` : "Not signed off"}
          </dd>
        </div>
      </dl>
    </section>
  );
}
