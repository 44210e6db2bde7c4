// POST /api/history-imports: an uploaded CSV or XLSX of many months becomes a previewed history
// import. Answers JSON to the upload form's script (which shows progress) and redirects a plain post.
import type { NextRequest } from "next/server";
import { isAppError, type AppErrorCode } from "@/lib/errors";
import { GENERIC_ERROR } from "@/lib/action-result";
import { describeFileError, type FileError } from "@/lib/import/file-errors";
import { previewHistoryImport } from "@/lib/import/history/preview-history-import";
import { readUploadedFile } from "@/lib/import/read-upload";
import { formatMonth } from "@/lib/format/dates";
import { checkUploader, uploadAnswers } from "@/lib/import/upload-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_TRANSITION: 409,
  CONFLICT: 409,
  LOCKED: 423,
  VALIDATION: 422,
};
const UPLOAD_PAGE = "/periods/history-import";

export async function POST(request: NextRequest) {
  const answers = uploadAnswers(request, UPLOAD_PAGE);
  const { wantsJson, json, seeOther, refuse } = answers;
  const fileProblem = (error: FileError, status = 422) =>
    wantsJson
      ? json(status, { ok: false, message: describeFileError(error, formatMonth), fileError: error })
      : seeOther(`${UPLOAD_PAGE}?error=${encodeURIComponent(JSON.stringify(error))}`);

  const user = await checkUploader(request, "value.import", answers);
  if (user instanceof Response) return user;

  const upload = await readUploadedFile(request);
  if (!upload.ok) return fileProblem(upload.error, upload.error.code === "too-large" ? 413 : 422);
  try {
    const result = await previewHistoryImport(user, upload.file);
    if (!result.ok) return fileProblem(result.error);
    const url = `${UPLOAD_PAGE}/${result.batchId}`;
    return wantsJson ? json(201, { ok: true, batchId: result.batchId, url }) : seeOther(url);
  } catch (e) {
    if (isAppError(e)) return refuse(STATUS[e.code], e.message);
    console.error(`POST /api/history-imports: unexpected error`, e);
    return refuse(500, GENERIC_ERROR);
  }
}
