"use client";
// One error summary for the whole grid. Rows save separately, so each row reports its own error
// here; the summary links to the field and does not take focus (the row keeps it, and its inline
// error is announced), so fixing one row never throws the user back to the top of a long page.
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { useErrorTitle } from "@/components/form/error-summary";

type Report = (fieldId: string, message: string | null) => void;
const ReportContext = createContext<Report>(() => {});

export function useReportGridError(): Report {
  return useContext(ReportContext);
}

export function GridErrors({ children }: { children: ReactNode }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const report = useCallback<Report>((fieldId, message) => {
    setErrors((prev) => {
      if ((prev[fieldId] ?? null) === message) return prev;
      const next = { ...prev };
      if (message) next[fieldId] = message;
      else delete next[fieldId];
      return next;
    });
  }, []);
  const entries = Object.entries(errors);
  useErrorTitle(entries.length > 0);
  return (
    <ReportContext.Provider value={report}>
      {entries.length > 0 ? (
        <div className="govuk-error-summary" data-module="govuk-error-summary">
          <h2 className="govuk-error-summary__title">There is a problem</h2>
          <div className="govuk-error-summary__body">
            <ul className="govuk-list govuk-error-summary__list">
              {entries.map(([id, text]) => (
                <li key={id}>
                  <a href={`#${id}`}>{text}</a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      {children}
    </ReportContext.Provider>
  );
}
