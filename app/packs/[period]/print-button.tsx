"use client";
// Opens the browser's print dialog; the print styles lay the pack out as A4.
export function PrintButton() {
  return (
    <button type="button" className="govuk-button govuk-button--secondary" onClick={() => window.print()}>
      Print this pack
    </button>
  );
}
