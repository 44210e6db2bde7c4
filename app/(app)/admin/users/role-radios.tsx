// The role choice, as GOV.UK radios with a hint per role. The first radio carries the field's id
// so the error summary link lands on it.
import { FieldError } from "@/components/error-summary";
import { ROLE_OPTIONS } from "./role-options";

export function RoleRadios({ legend, defaultRole, error, hint }: { legend: string; defaultRole?: string; error?: string; hint?: string }) {
  const describedBy = [hint ? "role-hint" : "", error ? "role-error" : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
        {hint ? <div id="role-hint" className="govuk-hint">{hint}</div> : null}
        <FieldError id="role" error={error} />
        <div className="govuk-radios" data-module="govuk-radios">
          {ROLE_OPTIONS.map((o, i) => {
            const id = i === 0 ? "role" : `role-${o.role}`;
            return (
              <div className="govuk-radios__item" key={o.role}>
                <input className="govuk-radios__input" id={id} name="role" type="radio" value={o.role} defaultChecked={defaultRole === o.role} aria-describedby={`${id}-item-hint`} />
                <label className="govuk-label govuk-radios__label" htmlFor={id}>{o.label}</label>
                <div id={`${id}-item-hint`} className="govuk-hint govuk-radios__hint">{o.hint}</div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
