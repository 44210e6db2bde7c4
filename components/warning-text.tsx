// GOV.UK's warning text: the "!" icon (hidden from screen readers) and "Warning" for them instead,
// said once for every page that warns. `block` when the warning holds a list (a <strong> cannot).
import type { AriaRole, ReactNode } from "react";

export function WarningText({
  children,
  id,
  className,
  role,
  block = false,
}: {
  children: ReactNode;
  id?: string;
  className?: string;
  role?: AriaRole;
  block?: boolean;
}) {
  const Text = block ? "div" : "strong";
  return (
    <div className={className ? `govuk-warning-text ${className}` : "govuk-warning-text"} id={id} role={role}>
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <Text className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </Text>
    </div>
  );
}
