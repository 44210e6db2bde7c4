// POST /api/periods/[period]/imports: an uploaded CSV or XLSX becomes a previewed import. Answers
// JSON to the upload form's script (which shows upload progress) and redirects a plain form post.
import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { ERROR_STATUS, isAppError } from "@/lib/errors";
import { GENERIC_ERROR } from "@/lib/action-result";
import { describeFileError, type FileError } from "@/lib/import/file-errors";
import { previewImport } from "@/lib/import/preview-import";
import { readUploadedFile } from "@/lib/import/read-upload";
import { formatMonth, isMonth } from "@/lib/format/dates";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(request: NextRequest, { params }: { params: Promise<{ period: string }> }) {
  const { period: month } = await params;
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const uploadPage = `/periods/${encodeURIComponent(month)}/import`;
  const json = (status: number, body: Record<string, unknown>) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
  const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
  // Without script the upload page itself explains a refusal (sign in, no access, no such month, signed off).
  const refuse = (status: number, message: string) => (wantsJson ? json(status, { ok: false, message }) : seeOther(uploadPage));
  const fileProblem = (error: FileError, status = 422) =>
    wantsJson ? json(status, { ok: false, message: describeFileError(error, formatMonth), fileError: error }) : seeOther(`${uploadPage}?error=${encodeURIComponent(JSON.stringify(error))}`);

  // Who is asking, before reading up to 5 MB from them.
  const user = await getCurrentUser();
  if (!user) return refuse(401, "You need to sign in");
  if (!can(user.role, "value.import")) return refuse(403, "You do not have access to do that");
  // A form post from another site: the session cookie is SameSite=Lax, and this says no as well.
  const origin = request.headers.get("origin");
  if (origin && !URL.canParse(origin)) return refuse(400, "The request's Origin header is not an address");
  if (origin && new URL(origin).host !== request.headers.get("host")) return refuse(403, "This upload did not come from Scrutiny Pack");
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
