import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { NextRequest } from "next/server";
import { ACTION_BODY_LIMIT_BYTES, MALFORMED_ACTION_MESSAGE, refuseBadRequest } from "@/lib/security/request-guard";
import { NOT_AN_ORIGIN_MESSAGE } from "@/lib/security/same-origin";

const HOST = "localhost:3300";
const PAGE = "/periods/2019-08/sections/demand"; // takes server actions
const ACTION = "7f".padEnd(42, "a");
const known = (id: string) => id === ACTION;

function post(body: BodyInit | null, headers: Record<string, string>, path = PAGE) {
  return new NextRequest(`http://${HOST}${path}`, {
    method: "POST",
    headers: { host: HOST, origin: `http://${HOST}`, ...headers },
    body,
    // A streamed body must say so (undici's RequestInit has the field; the DOM's type does not).
    ...(body instanceof ReadableStream ? ({ duplex: "half" } as object) : {}),
  });
}
const json = (text: string, id = ACTION) => post(text, { "next-action": id, "content-type": "text/plain;charset=UTF-8" });

const B = "----formBoundary1";
const multipart = (parts: [string, string, string?][], { end = true, boundary = B } = {}) =>
  parts
    .map(
      ([name, value, file]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"\r\nContent-Type: application/octet-stream` : ""}\r\n\r\n${value}\r\n`,
    )
    .join("") + (end ? `--${boundary}--\r\n` : "");
const form = (body: string, headers: Record<string, string> = {}, contentType = `multipart/form-data; boundary=${B}`) =>
  post(body, { "content-type": contentType, ...headers });

let warn: MockInstance;
beforeEach(() => {
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());

async function expectMalformed(request: NextRequest) {
  const res = await refuseBadRequest(request, known);
  expect(res?.status).toBe(400);
  expect(await res?.text()).toBe(`${MALFORMED_ACTION_MESSAGE}\n`);
  // One line, naming the page, never a stack trace.
  expect(warn).toHaveBeenCalledTimes(1);
  const line = String(warn.mock.calls[0][0]);
  expect(line).toMatch(new RegExp(`^Refused a malformed server action request to ${PAGE}: `));
  expect(line).not.toContain("\n");
  warn.mockClear();
}

describe("server actions Next cannot decode are 400, with one line in the log", () => {
  it("JSON arguments pointing at parts a JSON body does not have, or not JSON at all", async () => {
    for (const body of ['["$F1"]', '["$B1"]', '[{"a":"$1"}]', '["$@2"]', '["$Q1"]', '["$h1"]', '["$R1"]', '["$"]', '[{"month": not json']) {
      await expectMalformed(json(body));
    }
  });

  it("lets through the values a JSON body may hold", async () => {
    const body = JSON.stringify([
      { month: "2019-08", body: "$$ costs $5", n: "$n12", d: "$D2020-01-01T00:00:00.000Z", u: "$undefined", x: "$-0" },
    ]);
    expect(await refuseBadRequest(json(body), known)).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it("multipart with no boundary, cut off before its end, or pointing at a file that is not there", async () => {
    const whole = multipart([
      ["0", '["$K1"]'],
      ["1_body", "text"],
    ]);
    await expectMalformed(form(whole, { "next-action": ACTION }, "multipart/form-data"));
    await expectMalformed(form(whole.slice(0, whole.length - 20), { "next-action": ACTION }));
    await expectMalformed(form(multipart([["0", '["$B2"]']]), { "next-action": ACTION }));
    await expectMalformed(
      form(
        multipart([
          ["0", '["$1"]'],
          ["1", "{not json"],
        ]),
        { "next-action": ACTION },
      ),
    );
    // The same without JavaScript: a form's own post.
    await expectMalformed(form(whole.slice(0, whole.length - 20)));
    await expectMalformed(form(whole, {}, "multipart/form-data"));
  });

  it("lets through a form's arguments, a file it names, and a post that names no action (Next renders the page)", async () => {
    const withFile = multipart([
      ["0", '["$K1","$B2"]'],
      ["1_body", "text"],
      ["2", "bytes", "f.bin"],
    ]);
    expect(await refuseBadRequest(form(withFile, { "next-action": ACTION }), known)).toBeNull();
    expect(
      await refuseBadRequest(
        form(
          multipart([
            [`$ACTION_ID_${ACTION}`, ""],
            ["body", "x"],
          ]),
        ),
        known,
      ),
    ).toBeNull();
    expect(await refuseBadRequest(form(multipart([["body", "x"]])), known)).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it("an action this build does not have, from a script or a form", async () => {
    await expectMalformed(json("[]", "7f".padEnd(42, "b")));
    await expectMalformed(json("[]", "x"));
    await expectMalformed(form(multipart([[`$ACTION_ID_${"7f".padEnd(42, "c")}`, ""]])));
    await expectMalformed(
      form(
        multipart([
          ["$ACTION_REF_1", ""],
          ["$ACTION_1:0", `{"id":"${"7f".padEnd(42, "d")}","bound":"$@1"}`],
        ]),
      ),
    );
  });
});

describe("posts to a page", () => {
  it("are 413 over 1 MB, with or without a Next-Action header, declared or sent in chunks", async () => {
    const big = multipart([["body", "x".repeat(ACTION_BODY_LIMIT_BYTES)]]);
    expect((await refuseBadRequest(form(big, { "content-length": String(big.length) }), known))?.status).toBe(413);
    const chunks = new ReadableStream<Uint8Array>({
      start(c) {
        for (let at = 0; at < big.length; at += 65_536) c.enqueue(new TextEncoder().encode(big.slice(at, at + 65_536)));
        c.close();
      },
    });
    expect((await refuseBadRequest(post(chunks, { "content-type": `multipart/form-data; boundary=${B}` }), known))?.status).toBe(413);
  });

  it("refuse an Origin with a user in it, whose host a parser reads as ours", async () => {
    const res = await refuseBadRequest(post("[]", { "next-action": ACTION, origin: "http://evil.example@localhost:3300" }), known);
    expect(res?.status).toBe(400);
    expect(await res?.text()).toBe(`${NOT_AN_ORIGIN_MESSAGE}\n`);
  });

  it("leave route handlers, and addresses with nothing there (the HTTP server's guard answers those), alone", async () => {
    expect(await refuseBadRequest(form("cut", {}, "multipart/form-data"), known)).not.toBeNull();
    for (const path of ["/api/periods/2019-08/imports", "/nowhere"]) {
      expect(await refuseBadRequest(post("cut", { "content-type": "multipart/form-data" }, path), known)).toBeNull();
    }
  });
});
