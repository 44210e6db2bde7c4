import { describe, expect, it } from "vitest";
import { findIdentifiers, findUnhandledErrors } from "./server-log-check.mjs";

describe("findUnhandledErrors", () => {
  it("finds the server's unhandled errors and nothing else", () => {
    const output = [
      "  ✓  12 [features] › e2e/import.spec.ts:52:5 › an administrator imports (3.1s)",
      "[WebServer]  ▲ Next.js 16.4.6",
      "[WebServer] ⨯ Error: Body exceeded 1 MB limit.",
      "[WebServer] Unhandled Rejection: TypeError: x is undefined",
      "[WebServer] GET /packs/2019-07 from stored HTML failed; serving the live page",
      "Error: expected 200, got 500 ⨯", // a test's own output, not the server's
    ].join("\n");
    expect(findUnhandledErrors(output)).toEqual([
      "[WebServer] ⨯ Error: Body exceeded 1 MB limit.",
      "[WebServer] Unhandled Rejection: TypeError: x is undefined",
    ]);
    expect(findUnhandledErrors("[WebServer]  ✓ Ready in 412ms\n")).toEqual([]);
  });
});

describe("findIdentifiers", () => {
  it("finds a child's identifier as a whole word in the server's lines only", () => {
    const output = [
      "[WebServer] POST /api/periods/2020-03/annex-a: unexpected error row 445056",
      "[WebServer] request id 14450567 done",
      "  ✓ e2e/annex-a.spec.ts 445056", // the test's own line, not the server's
    ].join("\n");
    expect(findIdentifiers(output, ["445056"])).toEqual(["[WebServer] POST /api/periods/2020-03/annex-a: unexpected error row 445056"]);
    expect(findIdentifiers("[WebServer] fine\n", ["445056"])).toEqual([]);
  });
});
