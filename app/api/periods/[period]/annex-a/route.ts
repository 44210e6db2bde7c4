// POST /api/periods/[period]/annex-a: an Annex A workbook (multipart `file`, with `asAt` and `coversFrom`
// as YYYY-MM-DD or the form's day, month and year boxes) becomes a previewed set of computed figures.
// Answers JSON to `Accept: application/json` (scripts and the upload form's script): the figures, the
// data-quality report and the preview's address; a plain form post is redirected.
import type { NextRequest } from "next/server";
import { ERROR_STATUS, isAppError } from "@/lib/errors";
import { GENERIC_ERROR } from "@/lib/action-result";
import { readUploadedFile } from "@/lib/import/read-upload";
import { isMonth } from "@/lib/format/dates";
import { previewAnnexA } from "@/lib/annex-a/preview-annex-a";
import { ANNEX_A_FILE_ERRORS, type AnnexAFileError } from "@/lib/annex-a/compute-annex-a";
import { dateField } from "@/lib/annex-a/annex-a-input";
import { MAX_ANNEX_A_BYTES } from "@/lib/annex-a/limits";
import { annexAAnswer, annexARefusalParam, type AnnexARefusal } from "@/lib/annex-a/annex-a-answer";
import { checkUploader, uploadAnswers } from "@/lib/import/upload-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(request: NextRequest, { params }: { params: Promise<{ period: string }> }) {
  const { period: month } = await params;
  const uploadPage = `/periods/${encodeURIComponent(month)}/import`;
  const answers = uploadAnswers(request, `${uploadPage}/annex-a`);
  const { wantsJson, json, seeOther, refuse } = answers;
  const problem = (status: number, fieldErrors: Record<string, string>, refusal: AnnexARefusal) =>
    wantsJson
      ? json(status, { ok: false, message: Object.values(fieldErrors)[0], fieldErrors })
      : seeOther(`${uploadPage}/annex-a?annexA=${encodeURIComponent(annexARefusalParam(refusal))}`);
  const fileProblem = (error: AnnexAFileError, status = 422) => problem(status, { file: ANNEX_A_FILE_ERRORS[error] }, { file: error });

  // Who is asking, before reading up to 30 MB from them.
  const user = await checkUploader(request, "value.import", answers);
  if (user instanceof Response) return user;
  if (!isMonth(month)) return refuse(404, "There is no such period");

  const upload = await readUploadedFile(request, "file", MAX_ANNEX_A_BYTES);
  if (!upload.ok) return upload.error.code === "too-large" ? fileProblem("too-large", 413) : fileProblem("no-file");
  try {
    const typed = { asAt: dateField(upload.form, "asAt"), coversFrom: dateField(upload.form, "coversFrom") };
    const result = await previewAnnexA(user, month, { file: upload.file, ...typed });
    if (!result.ok) return "fileError" in result ? fileProblem(result.fileError) : problem(422, result.fieldErrors, typed);
    const url = `${uploadPage}/annex-a/${result.batchId}`;
    return wantsJson ? json(201, annexAAnswer(url, result.stored)) : seeOther(url);
  } catch (e) {
    if (isAppError(e)) return refuse(ERROR_STATUS[e.code], e.message);
    // The error is logged without the request: nothing from the workbook goes into the log.
    console.error(`POST ${uploadPage.replace("/import", "/annex-a")}: unexpected error`, e instanceof Error ? e.stack : String(e));
    return refuse(500, GENERIC_ERROR);
  }
}
