import { describe, expect, it } from "vitest";
import { readUploadedFile } from "@/lib/import/read-upload";
import { MAX_IMPORT_BYTES } from "@/lib/import/limits";

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/periods/2019-09/imports", { method: "POST", body, headers, duplex: "half" } as RequestInit);

function multipart(name: string, content: string, type = "text/csv") {
  const form = new FormData();
  form.append("file", new Blob([content], { type }), name);
  return form;
}

describe("readUploadedFile", () => {
  it("returns the file's bytes, name and type", async () => {
    const result = await readUploadedFile(post(multipart("september.csv", "code,value\nCONTACTS,1\n")));
    expect(
      result.ok && { name: result.file.fileName, type: result.file.contentType, text: new TextDecoder().decode(result.file.bytes) },
    ).toEqual({ name: "september.csv", type: "text/csv", text: "code,value\nCONTACTS,1\n" });
  });

  it("refuses a body whose declared length is over the limit without reading it", async () => {
    const request = post("x", { "content-length": String(MAX_IMPORT_BYTES * 2), "content-type": "multipart/form-data; boundary=x" });
    expect(await readUploadedFile(request)).toEqual({ ok: false, error: { code: "too-large" } });
    expect(request.bodyUsed).toBe(false);
  });

  it("stops reading a streamed body once it passes the limit", async () => {
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    expect(await readUploadedFile(post(endless, { "content-type": "multipart/form-data; boundary=x" }))).toEqual({
      ok: false,
      error: { code: "too-large" },
    });
    expect(sent).toBeLessThan(MAX_IMPORT_BYTES + 3 * chunk.length);
  });

  it("says 'select a file' for a form without one, or something other than a form", async () => {
    const empty = new FormData();
    empty.append("file", new Blob([]), "");
    expect(await readUploadedFile(post(empty))).toEqual({ ok: false, error: { code: "no-file" } });
    expect(await readUploadedFile(post(new FormData()))).toEqual({ ok: false, error: { code: "no-file" } });
    expect(await readUploadedFile(post("code,value\n", { "content-type": "text/csv" }))).toEqual({ ok: false, error: { code: "no-file" } });
  });
});
