// The GOV.UK success banner shown after a change has been saved and the page reloaded.
export function SuccessBanner({ heading, children, id = "success-banner-title" }: { heading: string; children?: React.ReactNode; id?: string }) {
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby={id} data-module="govuk-notification-banner">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={id}>Success</h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{heading}</p>
        {children}
      </div>
    </div>
  );
}
