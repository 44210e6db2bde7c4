import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isKnownActionId } from "@/lib/security/action-ids";

const saved = process.env.NEXT_DIST_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.NEXT_DIST_DIR;
  else process.env.NEXT_DIST_DIR = saved;
});

describe("the build's server actions", () => {
  it("are read from Next's manifest in the build folder, and re-read when it changes; with none, every id passes", () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), "action-ids-"));
    process.env.NEXT_DIST_DIR = dist;
    expect(isKnownActionId("anything")).toBe(true);
    const file = path.join(dist, "server", "server-reference-manifest.json");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ node: { a1: {} }, edge: {}, encryptionKey: "k" }));
    expect(isKnownActionId("a1")).toBe(true);
    expect(isKnownActionId("b2")).toBe(false);
    fs.writeFileSync(file, JSON.stringify({ node: { a1: {}, b2: {} }, edge: {} }));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(isKnownActionId("b2")).toBe(true);
    fs.rmSync(dist, { recursive: true });
  });
});
