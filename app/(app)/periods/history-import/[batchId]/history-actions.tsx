"use client";
// "Confirm import" for every month and "Upload a different file"; each button is disabled while its
// form is sent, and the server commits a batch at most once however often it is asked.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { confirmHistoryImportAction, type HistoryActionState } from "./actions";
import { discardImportAction, type ImportActionState } from "../../[period]/import/[batchId]/actions";

export function HistoryActions({ batchId, canConfirm, rowsToWrite, months }: { batchId: string; canConfirm: boolean; rowsToWrite: number; months: number }) {
  const [confirmState, confirm, confirming] = useActionState<HistoryActionState, FormData>(confirmHistoryImportAction, null);
  const [discardState, discard, discarding] = useActionState<ImportActionState, FormData>(discardImportAction, null);
  const failed = [confirmState, discardState].find((s) => s && !s.ok);
  const busy = confirming || discarding;
  return (
    <>
      {failed && !failed.ok ? <ErrorSummary errors={{}} message={failed.message} /> : null}
      <div className="govuk-button-group">
        {canConfirm ? (
          <form action={confirm}>
            <input type="hidden" name="batchId" value={batchId} />
            <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy} aria-disabled={busy} data-prevent-double-click="true">
              {confirming ? `Importing ${rowsToWrite.toLocaleString("en-GB")} values...` : `Confirm import of ${months} month${months === 1 ? "" : "s"}`}
            </button>
          </form>
        ) : null}
        <form action={discard}>
          <input type="hidden" name="batchId" value={batchId} />
          <button type="submit" className={`govuk-button${canConfirm ? " govuk-button--secondary" : ""}`} data-module="govuk-button" disabled={busy} aria-disabled={busy}>
            Upload a different file
          </button>
        </form>
      </div>
    </>
  );
}
