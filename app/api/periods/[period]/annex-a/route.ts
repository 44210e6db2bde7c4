// POST /api/periods/[period]/annex-a: an Annex A workbook (multipart `file`, with `asAt` and `coversFrom`
// as YYYY-MM-DD or the form's day, month and year boxes) becomes a previewed set of computed figures.
// Answers JSON to `Accept: application/json` (scripts and the upload form's script): the figures, the
// data-quality report and the preview's address; a plain form post is redirected.
import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { ERROR_STATUS, isAppError } from "@/lib/errors";
import { GENERIC_ERROR } from "@/lib/action-result";
import { readUploadedFile } from "@/lib/import/read-upload";
import { isMonth } from "@/lib/format/dates";
import { previewAnnexA } from "@/lib/annex-a/preview-annex-a";
import { ANNEX_A_FILE_ERRORS, type AnnexAFileError } from "@/lib/annex-a/compute-annex-a";
import { dateField } from "@/lib/annex-a/annex-a-input";
import { MAX_ANNEX_A_BYTES } from "@/lib/annex-a/limits";
import { annexAAnswer, annexARefusalParam, type AnnexARefusal } from "@/lib/annex-a/annex-a-answer";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(request: NextRequest, { params }: { params: Promise<{ period: string }> }) {
  const { period: month } = await params;
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const uploadPage = `/periods/${encodeURIComponent(month)}/import`;
  const json = (status: number, body: Record<string, unknown>) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
  const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
  const refuse = (status: number, message: string) => (wantsJson ? json(status, { ok: false, message }) : seeOther(uploadPage));
  const problem = (status: number, fieldErrors: Record<string, string>, refusal: AnnexARefusal) =>
    wantsJson
      ? json(status, { ok: false, message: Object.values(fieldErrors)[0], fieldErrors })
      : seeOther(`${uploadPage}?annexA=${encodeURIComponent(annexARefusalParam(refusal))}`);
  const fileProblem = (error: AnnexAFileError, status = 422) => problem(status, { file: ANNEX_A_FILE_ERRORS[error] }, { file: error });

  // Who is asking, before reading up to 30 MB from them.
  const user = await getCurrentUser();
  if (!user) return refuse(401, "You need to sign in");
  if (!can(user.role, "value.import")) return refuse(403, "You do not have access to do that");
  const origin = request.headers.get("origin");
  if (origin && !URL.canParse(origin)) return refuse(400, "The request's Origin header is not an address");
  if (origin && new URL(origin).host !== request.headers.get("host")) return refuse(403, "This upload did not come from Scrutiny Pack");
  if (!isMonth(month)) return refuse(404, "There is no such period");

  const upload = await readUploadedFile(request, "file", MAX_ANNEX_A_BYTES);
  if (!upload.ok) return upload.error.code === "too-large" ? fileProblem("too-large", 413) : fileProblem("no-file");
  try {
    const typed = { asAt: dateField(upload.form, "asAt"), coversFrom: dateField(upload.form, "coversFrom") };
    const result = await previewAnnexA(user, month, { file: upload.file, ...typed });
    if (!result.ok) return "fileError" in result ? fileProblem(result.fileError) : problem(422, result.fieldErrors as Record<string, string>, typed);
    const url = `${uploadPage}/annex-a/${result.batchId}`;
    return wantsJson ? json(201, annexAAnswer(url, result.stored)) : seeOther(url);
  } catch (e) {
    if (isAppError(e)) return refuse(ERROR_STATUS[e.code], e.message);
    // The error is logged without the request: nothing from the workbook goes into the log.
    console.error(`POST ${uploadPage.replace("/import", "/annex-a")}: unexpected error`, e instanceof Error ? e.stack : String(e));
    return refuse(500, GENERIC_ERROR);
  }
}
