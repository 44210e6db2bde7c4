// POST /api/history-imports: an uploaded CSV or XLSX of many months becomes a previewed history
// import. Answers JSON to the upload form's script (which shows progress) and redirects a plain post.
import { describeFileError, type FileError } from "@/lib/import/file-errors";
import { previewHistoryImport } from "@/lib/import/history/preview-history-import";
import { readUploadedFile } from "@/lib/import/read-upload";
import { formatMonth } from "@/lib/format/dates";
import { defineUploadRoute, uploadAnswers } from "@/lib/import/upload-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const UPLOAD_PAGE = "/periods/history-import";

export const POST = defineUploadRoute({
  permission: "value.import",
  answers: (request) => uploadAnswers(request, UPLOAD_PAGE),
  handler: async ({ request, user, answers: { wantsJson, json, seeOther } }) => {
    const fileProblem = (error: FileError, status = 422) =>
      wantsJson
        ? json(status, { ok: false, message: describeFileError(error, formatMonth), fileError: error })
        : seeOther(`${UPLOAD_PAGE}?error=${encodeURIComponent(JSON.stringify(error))}`);

    const upload = await readUploadedFile(request);
    if (!upload.ok) return fileProblem(upload.error, upload.error.code === "too-large" ? 413 : 422);
    const result = await previewHistoryImport(user, upload.file);
    if (!result.ok) return fileProblem(result.error);
    const url = `${UPLOAD_PAGE}/${result.batchId}`;
    return wantsJson ? json(201, { ok: true, batchId: result.batchId, url }) : seeOther(url);
  },
});
