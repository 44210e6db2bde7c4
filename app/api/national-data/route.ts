// POST /api/national-data: one of DfE's published files (LAIT figures or measures, EES open data, the
// statistical neighbours) is imported all or nothing. Answers JSON to the upload form's script (which
// shows progress) and redirects a plain form post.
import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { GENERIC_ERROR } from "@/lib/action-result";
import { readUploadedFile } from "@/lib/import/read-upload";
import { describeFileError } from "@/lib/import/file-errors";
import { formatMonth } from "@/lib/format/dates";
import { importNationalData } from "@/lib/national/import-national-data";
import { MAX_NATIONAL_BYTES } from "@/lib/national/parse-national-file";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const PAGE = "/admin/national";
const SHOWN = 10;

export async function POST(request: NextRequest) {
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const json = (status: number, body: Record<string, unknown>) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
  const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
  const refuse = (status: number, message: string) => (wantsJson ? json(status, { ok: false, message }) : seeOther(`${PAGE}?error=${encodeURIComponent(message)}`));

  const user = await getCurrentUser();
  if (!user) return refuse(401, "You need to sign in");
  if (!can(user.role, "national.manage")) return refuse(403, "You do not have access to do that");
  const origin = request.headers.get("origin");
  if (origin && new URL(origin).host !== request.headers.get("host")) return refuse(403, "This upload did not come from Scrutiny Pack");

  const upload = await readUploadedFile(request, "file", MAX_NATIONAL_BYTES);
  if (!upload.ok) return refuse(upload.error.code === "too-large" ? 413 : 422, upload.error.code === "too-large" ? `The selected file must be smaller than ${MAX_NATIONAL_BYTES / 1024 / 1024} MB` : describeFileError(upload.error, formatMonth));
  try {
    const result = await importNationalData(user, upload.file);
    if (!result.ok) {
      const more = result.total - Math.min(SHOWN, result.errors.length);
      return refuse(422, `Nothing was imported. ${result.errors.slice(0, SHOWN).map((e) => e.message).join(". ")}${more > 0 ? `. And ${more.toLocaleString("en-GB")} more` : ""}`);
    }
    const url = `${PAGE}?imported=${encodeURIComponent([result.layout, result.rows, result.created, result.changed, result.unchanged].join(":"))}`;
    return wantsJson ? json(201, { ok: true, url }) : seeOther(url);
  } catch (e) {
    if (isAppError(e)) return refuse(e.code === "FORBIDDEN" ? 403 : 409, e.message);
    console.error("POST /api/national-data: unexpected error", e);
    return refuse(500, GENERIC_ERROR);
  }
}
