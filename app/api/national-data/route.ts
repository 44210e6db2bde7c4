// POST /api/national-data: one of DfE's published files (LAIT figures or measures, EES open data, the
// statistical neighbours) is imported all or nothing. Answers JSON to the upload form's script (which
// shows progress) and redirects a plain form post.
import { readUploadedFile } from "@/lib/import/read-upload";
import { describeFileError } from "@/lib/import/file-errors";
import { formatMonth } from "@/lib/format/dates";
import { importNationalData } from "@/lib/national/import-national-data";
import { MAX_NATIONAL_BYTES } from "@/lib/national/parse-national-file";
import { defineUploadRoute, uploadAnswers } from "@/lib/import/upload-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const PAGE = "/admin/national";
const SHOWN = 10;

export const POST = defineUploadRoute({
  permission: "national.manage",
  answers: (request) => uploadAnswers(request, PAGE, (message) => `${PAGE}?error=${encodeURIComponent(message)}`),
  handler: async ({ request, user, answers: { wantsJson, json, seeOther, refuse } }) => {
    const upload = await readUploadedFile(request, "file", MAX_NATIONAL_BYTES);
    if (!upload.ok)
      return refuse(
        upload.error.code === "too-large" ? 413 : 422,
        upload.error.code === "too-large"
          ? `The selected file must be smaller than ${MAX_NATIONAL_BYTES / 1024 / 1024} MB`
          : describeFileError(upload.error, formatMonth),
      );
    const result = await importNationalData(user, upload.file);
    if (!result.ok) {
      const more = result.total - Math.min(SHOWN, result.errors.length);
      return refuse(
        422,
        `Nothing was imported. ${result.errors
          .slice(0, SHOWN)
          .map((e) => e.message)
          .join(". ")}${more > 0 ? `. And ${more.toLocaleString("en-GB")} more` : ""}`,
      );
    }
    const url = `${PAGE}?imported=${encodeURIComponent([result.layout, result.rows, result.created, result.changed, result.unchanged].join(":"))}`;
    return wantsJson ? json(201, { ok: true, url }) : seeOther(url);
  },
});
