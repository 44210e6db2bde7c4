// POST /api/periods/[period]/annex-a: an Annex A workbook (multipart `file`, with `asAt` and `coversFrom`
// as YYYY-MM-DD or the form's day, month and year boxes) becomes a previewed set of computed figures.
// Answers JSON to `Accept: application/json` (scripts and the upload form's script): the figures, the
// data-quality report and the preview's address; a plain form post is redirected.
import { readUploadedFile } from "@/lib/import/read-upload";
import { isMonth } from "@/lib/format/dates";
import { previewAnnexA } from "@/lib/annex-a/preview-annex-a";
import { ANNEX_A_FILE_ERRORS, type AnnexAFileError } from "@/lib/annex-a/compute-annex-a";
import { dateField } from "@/lib/annex-a/annex-a-input";
import { MAX_ANNEX_A_BYTES } from "@/lib/annex-a/limits";
import { annexAAnswer, annexARefusalParam, type AnnexARefusal } from "@/lib/annex-a/annex-a-answer";
import { defineUploadRoute, uploadAnswers } from "@/lib/import/upload-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const annexAPage = (month: string) => `/periods/${encodeURIComponent(month)}/import/annex-a`;

// Who is asking is checked before reading up to 30 MB from them.
export const POST = defineUploadRoute<{ period: string }>({
  permission: "value.import",
  answers: (request, { period }) => uploadAnswers(request, annexAPage(period)),
  // An unexpected error is logged without its properties: nothing from the workbook goes into the log.
  logStackOnly: true,
  handler: async ({ request, user, params: { period: month }, answers: { wantsJson, json, seeOther, refuse } }) => {
    const problem = (status: number, fieldErrors: Record<string, string>, refusal: AnnexARefusal) =>
      wantsJson
        ? json(status, { ok: false, message: Object.values(fieldErrors)[0], fieldErrors })
        : seeOther(`${annexAPage(month)}?annexA=${encodeURIComponent(annexARefusalParam(refusal))}`);
    const fileProblem = (error: AnnexAFileError, status = 422) => problem(status, { file: ANNEX_A_FILE_ERRORS[error] }, { file: error });
    if (!isMonth(month)) return refuse(404, "There is no such period");

    const upload = await readUploadedFile(request, "file", MAX_ANNEX_A_BYTES);
    if (!upload.ok) return upload.error.code === "too-large" ? fileProblem("too-large", 413) : fileProblem("no-file");
    const typed = { asAt: dateField(upload.form, "asAt"), coversFrom: dateField(upload.form, "coversFrom") };
    const result = await previewAnnexA(user, month, { file: upload.file, ...typed });
    if (!result.ok) return "fileError" in result ? fileProblem(result.fileError) : problem(422, result.fieldErrors, typed);
    const url = `${annexAPage(month)}/${result.batchId}`;
    return wantsJson ? json(201, annexAAnswer(url, result.stored)) : seeOther(url);
  },
});
