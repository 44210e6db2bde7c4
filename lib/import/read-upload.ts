// Reads the uploaded file out of a multipart request without ever holding more than the limit: the
// declared length is checked first, then the body is counted as it streams in.
import { MAX_IMPORT_BYTES } from "@/lib/import/limits";
import type { FileError } from "@/lib/import/file-errors";
import type { ImportFile } from "@/lib/import/parse-import-file";

/** Room for the multipart boundaries and headers around a file of the maximum size. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** The file, and the form it came in (for any other fields sent with it). */
export async function readUploadedFile(
  request: Request,
  field = "file",
  maxBytes = MAX_IMPORT_BYTES,
): Promise<{ ok: true; file: ImportFile; form: FormData } | { ok: false; error: FileError }> {
  const limit = maxBytes + MULTIPART_OVERHEAD;
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) return { ok: false, error: { code: "too-large" } };
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data") || !request.body) return { ok: false, error: { code: "no-file" } };

  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return { ok: false, error: { code: "too-large" } };
    }
    chunks.push(value);
  }

  let form: FormData;
  try {
    form = await new Response(Buffer.concat(chunks), { headers: { "content-type": contentType } }).formData();
  } catch {
    return { ok: false, error: { code: "no-file" } };
  }
  const file = form.get(field);
  if (!file || typeof file === "string" || (file.size === 0 && file.name === "")) return { ok: false, error: { code: "no-file" } };
  return { ok: true, file: { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name, contentType: file.type }, form };
}
