// The rules' version says which rules computed a figure (it is frozen with the pack). So a change to
// any rule, or to how the lists' values are read, must come with a new ANNEX_A_RULES_VERSION: this
// test holds the two together by a fingerprint of the rule files with comments and spacing left out.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ANNEX_A_RULES_VERSION } from "@/lib/annex-a/figure-rules";

const RULE_FILES = ["figure-rules.ts", "compute-figures.ts", "groups.ts", "calendar.ts", "read-values.ts", "list-columns.ts"];

/** Each version's fingerprint: add a line when the version changes; never edit an old one. */
const FINGERPRINTS: Record<string, string> = {
  "2026-12.1": "ca7fce62c4127f13",
};

function fingerprint(): string {
  const hash = createHash("sha256");
  for (const file of RULE_FILES) {
    const code = fs
      .readFileSync(path.join(import.meta.dirname, file), "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/^\s*\/\/.*$/gm, "")
      .replace(/\s+/g, " ")
      .replace(/export const ANNEX_A_RULES_VERSION = "[^"]*";/, "");
    hash.update(`${file}\n${code}\n`);
  }
  return hash.digest("hex").slice(0, 16);
}

describe("the Annex A rules' version", () => {
  it("changes whenever the rules do", () => {
    expect(
      fingerprint(),
      `The Annex A rules changed: give ANNEX_A_RULES_VERSION (lib/annex-a/figure-rules.ts) a new value and record this fingerprint for it here`,
    ).toBe(FINGERPRINTS[ANNEX_A_RULES_VERSION]);
  });
});
