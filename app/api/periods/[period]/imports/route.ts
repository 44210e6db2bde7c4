// POST /api/periods/[period]/imports: an uploaded CSV or XLSX becomes a previewed import. Answers
// JSON to the upload form's script (which shows upload progress) and redirects a plain form post.
import type { NextRequest } from "next/server";
import { ERROR_STATUS, isAppError } from "@/lib/errors";
import { GENERIC_ERROR } from "@/lib/action-result";
import { describeFileError, type FileError } from "@/lib/import/file-errors";
import { previewImport } from "@/lib/import/preview-import";
import { readUploadedFile } from "@/lib/import/read-upload";
import { formatMonth, isMonth } from "@/lib/format/dates";
import { checkUploader, uploadAnswers } from "@/lib/import/upload-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(request: NextRequest, { params }: { params: Promise<{ period: string }> }) {
  const { period: month } = await params;
  const uploadPage = `/periods/${encodeURIComponent(month)}/import`;
  // Without script the upload page itself explains a refusal (sign in, no access, no such month, signed off).
  const answers = uploadAnswers(request, uploadPage);
  const { wantsJson, json, seeOther, refuse } = answers;
  const fileProblem = (error: FileError, status = 422) =>
    wantsJson
      ? json(status, { ok: false, message: describeFileError(error, formatMonth), fileError: error })
      : seeOther(`${uploadPage}?error=${encodeURIComponent(JSON.stringify(error))}`);

  // Who is asking, before reading up to 5 MB from them.
  const user = await checkUploader(request, "value.import", answers);
  if (user instanceof Response) return user;
  if (!isMonth(month)) return refuse(404, "There is no such period");

  const upload = await readUploadedFile(request);
  if (!upload.ok) return fileProblem(upload.error, upload.error.code === "too-large" ? 413 : 422);
  try {
    const result = await previewImport(user, month, upload.file);
    if (!result.ok) return fileProblem(result.error);
    const url = `${uploadPage}/${result.batchId}`;
    return wantsJson ? json(201, { ok: true, batchId: result.batchId, url }) : seeOther(url);
  } catch (e) {
    if (isAppError(e)) return refuse(ERROR_STATUS[e.code], e.message);
    console.error(`POST ${uploadPage}: unexpected error`, e);
    return refuse(500, GENERIC_ERROR);
  }
}
