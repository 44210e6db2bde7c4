// POST /api/periods/[period]/imports: an uploaded CSV or XLSX becomes a previewed import. Answers
// JSON to the upload form's script (which shows upload progress) and redirects a plain form post.
import { describeFileError, type FileError } from "@/lib/import/file-errors";
import { previewImport } from "@/lib/import/preview-import";
import { readUploadedFile } from "@/lib/import/read-upload";
import { formatMonth, isMonth } from "@/lib/format/dates";
import { defineUploadRoute, uploadAnswers } from "@/lib/import/upload-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const uploadPage = (month: string) => `/periods/${encodeURIComponent(month)}/import`;

// Who is asking is checked before reading up to 5 MB from them. Without script the upload page itself
// explains a refusal (sign in, no access, no such month, signed off).
export const POST = defineUploadRoute<{ period: string }>({
  permission: "value.import",
  answers: (request, { period }) => uploadAnswers(request, uploadPage(period)),
  handler: async ({ request, user, params: { period: month }, answers: { wantsJson, json, seeOther, refuse } }) => {
    const fileProblem = (error: FileError, status = 422) =>
      wantsJson
        ? json(status, { ok: false, message: describeFileError(error, formatMonth), fileError: error })
        : seeOther(`${uploadPage(month)}?error=${encodeURIComponent(JSON.stringify(error))}`);
    if (!isMonth(month)) return refuse(404, "There is no such period");

    const upload = await readUploadedFile(request);
    if (!upload.ok) return fileProblem(upload.error, upload.error.code === "too-large" ? 413 : 422);
    const result = await previewImport(user, month, upload.file);
    if (!result.ok) return fileProblem(result.error);
    const url = `${uploadPage(month)}/${result.batchId}`;
    return wantsJson ? json(201, { ok: true, batchId: result.batchId, url }) : seeOther(url);
  },
});
