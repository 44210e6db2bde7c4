"use client";
// "Upload a file": sent with XMLHttpRequest so a large file shows how far its upload has got (a
// server action cannot report upload progress). Without script it is a plain multipart form post
// to the same route handler, which then redirects.
import { useEffect, useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { ErrorSummary } from "@/components/form/error-summary";
import { ACCEPT_ATTRIBUTE, MAX_IMPORT_BYTES } from "@/lib/import/limits";
import { FileUpload } from "@/components/form/file-upload";

type Phase = { kind: "idle" } | { kind: "uploading"; percent: number } | { kind: "checking" } | { kind: "opening" };
type UploadResponse = { ok: boolean; url?: string; message?: string } | null;

const FIELD = "import-file";
const NETWORK_ERROR = "The file could not be uploaded. Check your connection and try again.";
const UNEXPECTED = "Sorry, something went wrong. Try again, and if it keeps happening tell your administrator.";

/** `heading` and `children` are the page's own content: the error summary must come above the heading. */
export function UploadForm({ action, initialError, heading, children, maxBytes = MAX_IMPORT_BYTES, csvOnly = false }: {
  action: string; initialError?: string; heading: ReactNode; children: ReactNode;
  /** DfE's national files are larger than a month's import, and CSV only. */
  maxBytes?: number; csvOnly?: boolean;
}) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | undefined>(initialError);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [navigating, startNavigation] = useTransition();
  const busy = phase.kind !== "idle";

  // A result shown on this same page (DfE data, history) keeps this form mounted: once the
  // navigation to it has finished, the form is ready for the next file.
  useEffect(() => {
    if (phase.kind === "opening" && !navigating) setPhase({ kind: "idle" });
  }, [phase.kind, navigating]);

  function refuse(message: string) {
    setPhase({ kind: "idle" });
    setError(message);
  }

  function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const file = input.current?.files?.[0];
    // The server checks all of this again; these only save uploading a file it would refuse.
    if (!file) return refuse("Select a CSV or XLSX file");
    if (!(csvOnly ? /\.csv$/i : /\.(csv|xlsx|txt)$/i).test(file.name)) return refuse(csvOnly ? "The selected file must be a CSV file" : "The selected file must be a CSV or XLSX file");
    if (file.size === 0) return refuse("The selected file is empty");
    if (file.size > maxBytes) return refuse(`The selected file must be smaller than ${maxBytes / 1024 / 1024} MB`);
    setError(undefined);

    const body = new FormData();
    body.append("file", file);
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
        refuse(response?.message ?? UNEXPECTED);
      }
    };
    setPhase({ kind: "uploading", percent: 0 });
    xhr.send(body);
  }

  return (
    <>
      <ErrorSummary errors={error ? { file: error } : {}} idFor={() => FIELD} />
      {heading}
      {children}
    <form method="post" action={action} encType="multipart/form-data" onSubmit={upload} noValidate>
      <FileUpload id={FIELD} name="file" labelSize="m" label="Upload a file" hint={`${csvOnly ? "A CSV file" : "A CSV or XLSX file"}, smaller than ${maxBytes / 1024 / 1024} MB`} error={error} accept={csvOnly ? ".csv,text/csv" : ACCEPT_ATTRIBUTE} disabled={busy} inputRef={input} />
      <Progress phase={phase} />
      <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy} aria-disabled={busy}>
        Upload and check the file
      </button>
    </form>
    </>
  );
}

function Progress({ phase }: { phase: Phase }) {
  const percent = phase.kind === "uploading" ? phase.percent : 100;
  // Screen readers hear every tenth percent, not every step.
  const spoken = phase.kind === "uploading" ? `Uploading: ${Math.floor(phase.percent / 10) * 10}%` : phase.kind === "checking" ? "Uploaded. Checking every row of the file..." : phase.kind === "opening" ? "Checked. Opening the preview..." : "";
  // The status region is always in the page (empty while idle): a live region that appears at the
  // same moment as its text is often not announced.
  return (
    <div className="app-upload-progress">
      <p className="govuk-body govuk-!-margin-bottom-1 app-upload-progress__status" role="status" aria-live="polite">{spoken}</p>
      <progress className="app-upload-progress__bar" hidden={phase.kind === "idle"} max={100} value={phase.kind === "checking" ? undefined : percent} aria-label="Upload progress">
        {percent}%
      </progress>
    </div>
  );
}
