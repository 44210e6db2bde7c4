"use client";
// GOV.UK confirmation panel that takes focus when it appears (tabindex -1), so after an action that
// ends on it (confirming an import) keyboard and screen reader users start at the result.
import { useEffect, useRef, type ReactNode } from "react";

export function ConfirmationPanel({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} className="govuk-panel govuk-panel--confirmation" tabIndex={-1}>
      <h1 className="govuk-panel__title">{title}</h1>
      {children ? <div className="govuk-panel__body">{children}</div> : null}
    </div>
  );
}
