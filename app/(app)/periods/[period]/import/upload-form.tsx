"use client";
// "Upload a file": sent with XMLHttpRequest so a large file shows how far its upload has got (a
// server action cannot report upload progress). Without script it is a plain multipart form post
// to the same route handler, which then redirects.
import { useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { ErrorSummary } from "@/components/form/error-summary";
import { ACCEPT_ATTRIBUTE, MAX_IMPORT_BYTES } from "@/lib/import/limits";
import { FileUpload } from "@/components/form/file-upload";

type Phase = { kind: "idle" } | { kind: "uploading"; percent: number } | { kind: "checking" } | { kind: "opening" };
type UploadResponse = { ok: boolean; url?: string; message?: string; fieldErrors?: Record<string, string> } | null;

const FIELD = "import-file";
const NETWORK_ERROR = "The file could not be uploaded. Check your connection and try again.";
const UNEXPECTED = "Sorry, something went wrong. Try again, and if it keeps happening tell your administrator.";

/** What the form takes: a month's values (CSV, XLSX or text), DfE's CSV files, or an Annex A workbook. */
const KINDS = {
  values: {
    pattern: /\.(csv|xlsx|txt)$/i,
    accept: ACCEPT_ATTRIBUTE,
    wrongType: "The selected file must be a CSV or XLSX file",
    select: "Select a CSV or XLSX file",
    described: "A CSV or XLSX file",
  },
  csv: {
    pattern: /\.csv$/i,
    accept: ".csv,text/csv",
    wrongType: "The selected file must be a CSV file",
    select: "Select a CSV or XLSX file",
    described: "A CSV file",
  },
  workbook: {
    pattern: /\.xlsx$/i,
    accept: ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    wrongType: "The selected file must be an Excel workbook (.xlsx)",
    select: "Select the Annex A workbook (.xlsx)",
    described: "An Excel workbook (.xlsx)",
  },
} as const;

/**
 * `heading` and `children` are the page's own content: the error summary must come above the heading.
 * `fields` are more of the form's fields, given its errors by name (the file's is "file"); all are sent.
 */
export function UploadForm({
  action,
  initialError,
  initialErrors = {},
  heading,
  children,
  maxBytes = MAX_IMPORT_BYTES,
  csvOnly = false,
  kind = csvOnly ? "csv" : "values",
  fields,
  label = "Upload a file",
  submitText = "Upload and check the file",
}: {
  action: string;
  initialError?: string;
  heading: ReactNode;
  children: ReactNode;
  /** DfE's national files are larger than a month's import, and CSV only. */
  maxBytes?: number;
  csvOnly?: boolean;
  kind?: keyof typeof KINDS;
  initialErrors?: Record<string, string>;
  fields?: (errors: Record<string, string>, busy: boolean) => ReactNode;
  label?: string;
  submitText?: string;
}) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>(initialError ? { ...initialErrors, file: initialError } : initialErrors);
  const error = errors.file;
  const setError = (message: string | undefined) => setErrors(message ? { file: message } : {});
  const accepts = KINDS[kind];
  const [uploadPhase, setPhase] = useState<Phase>({ kind: "idle" });
  const [navigating, startNavigation] = useTransition();
  // A result shown on this same page (DfE data, history) keeps this form mounted: once the
  // navigation to it has finished, the form is ready for the next file.
  const phase: Phase = uploadPhase.kind === "opening" && !navigating ? { kind: "idle" } : uploadPhase;
  const busy = phase.kind !== "idle";

  function refuse(message: string, fieldErrors?: Record<string, string>) {
    setPhase({ kind: "idle" });
    if (fieldErrors && Object.keys(fieldErrors).length) setErrors(fieldErrors);
    else setError(message);
  }

  function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const file = input.current?.files?.[0];
    // The server checks all of this again; these only save uploading a file it would refuse.
    if (!file) return refuse(accepts.select);
    if (!accepts.pattern.test(file.name)) return refuse(accepts.wrongType);
    if (file.size === 0) return refuse("The selected file is empty");
    if (file.size > maxBytes) return refuse(`The selected file must be smaller than ${maxBytes / 1024 / 1024} MB`);
    setError(undefined);

    // Every field of the form: the file, and any others (the Annex A dates).
    const body = new FormData(event.currentTarget);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", action);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setPhase({ kind: "uploading", percent: Math.min(100, Math.round((e.loaded / e.total) * 100)) });
    };
    xhr.upload.onload = () => setPhase({ kind: "checking" });
    xhr.onerror = () => refuse(NETWORK_ERROR);
    xhr.onload = () => {
      const response = xhr.response as UploadResponse;
      if (xhr.status === 201 && response?.ok && response.url) {
        const url = response.url;
        setPhase({ kind: "opening" });
        startNavigation(() => router.push(url));
      } else if (xhr.status === 401) {
        window.location.assign(`/login?callbackUrl=${encodeURIComponent(window.location.pathname)}`);
      } else {
        refuse(response?.message ?? UNEXPECTED, response?.fieldErrors);
      }
    };
    setPhase({ kind: "uploading", percent: 0 });
    xhr.send(body);
  }

  return (
    <>
      <ErrorSummary errors={errors} idFor={(field) => (field === "file" ? FIELD : `${field}-day`)} />
      {heading}
      {children}
      <form method="post" action={action} encType="multipart/form-data" onSubmit={upload} noValidate>
        {fields?.(errors, busy)}
        <FileUpload
          id={FIELD}
          name="file"
          labelSize="m"
          label={label}
          hint={`${accepts.described}, smaller than ${maxBytes / 1024 / 1024} MB`}
          error={error}
          accept={accepts.accept}
          disabled={busy}
          inputRef={input}
        />
        <Progress phase={phase} />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy} aria-disabled={busy}>
          {submitText}
        </button>
      </form>
    </>
  );
}

function Progress({ phase }: { phase: Phase }) {
  const percent = phase.kind === "uploading" ? phase.percent : 100;
  // Screen readers hear every tenth percent, not every step.
  const spoken =
    phase.kind === "uploading"
      ? `Uploading: ${Math.floor(phase.percent / 10) * 10}%`
      : phase.kind === "checking"
        ? "Uploaded. Checking every row of the file..."
        : phase.kind === "opening"
          ? "Checked. Opening the preview..."
          : "";
  // The status region is always in the page (empty while idle): a live region that appears at the
  // same moment as its text is often not announced.
  return (
    <div className="app-upload-progress">
      <p className="govuk-body govuk-!-margin-bottom-1 app-upload-progress__status" role="status" aria-live="polite">
        {spoken}
      </p>
      <progress
        className="app-upload-progress__bar"
        hidden={phase.kind === "idle"}
        max={100}
        value={phase.kind === "checking" ? undefined : percent}
        aria-label="Upload progress"
      >
        {percent}%
      </progress>
    </div>
  );
}
