"use client";
// GOV.UK success notification banner, behaving as GOV.UK Frontend's script makes it: role="alert",
// and it takes focus when it appears (tabindex -1, removed again on blur), so after a workflow action
// the keyboard user is at the result, not dropped on <body>, and a screen reader reads it out.
// `focusKey` changes with each result, so the same message after a second save takes focus again.
import { useEffect, useRef, type ReactNode } from "react";

export function NotificationBanner({
  heading,
  children,
  id = "success-banner-title",
  focusKey,
}: {
  heading: string;
  children?: ReactNode;
  id?: string;
  focusKey?: string | number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.setAttribute("tabindex", "-1");
    el.focus();
    const drop = () => el.removeAttribute("tabindex");
    el.addEventListener("blur", drop, { once: true });
    return () => el.removeEventListener("blur", drop);
  }, [focusKey]);
  return (
    <div
      ref={ref}
      className="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby={id}
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={id}>
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{heading}</p>
        {children}
      </div>
    </div>
  );
}
