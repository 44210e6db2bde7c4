import { describe, expect, it } from "vitest";
import { wordDiff } from "@/lib/commentary/word-diff";

describe("wordDiff", () => {
  it("marks added and removed words", () => {
    const parts = wordDiff("Contacts fell in August.", "Contacts fell sharply in August.");
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["sharply"]);
    expect(parts.filter((p) => p.kind === "removed")).toEqual([]);
    expect(parts.map((p) => p.text).join("")).toBe("Contacts fell sharply in August.");
  });
  it("shows a replaced word as removed then added", () => {
    const parts = wordDiff("rates rose", "rates fell");
    expect(parts).toEqual([
      { kind: "same", text: "rates " },
      { kind: "removed", text: "rose" },
      { kind: "added", text: "fell" },
    ]);
  });
});
