"use client";
// "Confirm import" and "Upload a different file", for a month's import and for a history file (which
// confirms with its own action and names its months). Each button is disabled while its form is being
// sent, and the server commits a batch at most once however often it is asked.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { confirmImportAction, discardImportAction, type ImportActionState } from "./actions";

export function PreviewActions({
  batchId,
  canConfirm,
  rowsToWrite,
  confirmAction = confirmImportAction,
  confirmLabel = "Confirm import",
}: {
  batchId: string;
  canConfirm: boolean;
  rowsToWrite: number;
  confirmAction?: (state: ImportActionState, form: FormData) => Promise<ImportActionState>;
  confirmLabel?: string;
}) {
  const [confirmState, confirm, confirming] = useActionState<ImportActionState, FormData>(confirmAction, null);
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
            <button
              type="submit"
              className="govuk-button"
              data-module="govuk-button"
              disabled={busy}
              aria-disabled={busy}
              data-prevent-double-click="true"
            >
              {confirming ? `Importing ${rowsToWrite.toLocaleString("en-GB")} values...` : confirmLabel}
            </button>
          </form>
        ) : null}
        <form action={discard}>
          <input type="hidden" name="batchId" value={batchId} />
          <button
            type="submit"
            className={`govuk-button${canConfirm ? " govuk-button--secondary" : ""}`}
            data-module="govuk-button"
            disabled={busy}
            aria-disabled={busy}
          >
            Upload a different file
          </button>
        </form>
      </div>
    </>
  );
}
