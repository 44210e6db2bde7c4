// The mutation list must fit the code as it stands: when someone edits a mutated line, this fails and
// names the mutation to rewrite, instead of `npm run test:mutation` finding out an hour later.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyMutation, checkMutations, importClosure, judgeRun, mutate, occurrences, root, undoMutation } from "./check.mjs";
import { MUTATIONS } from "./mutations.mjs";

describe("the mutation list", () => {
  it("has each mutation's text exactly once in its file, and its tests on disk", () => {
    expect(checkMutations(MUTATIONS)).toEqual([]);
  });

  it("covers the core rules with meaningful mutations", () => {
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(60);
    for (const area of [
      "lib/judgement/",
      "lib/auth/",
      "lib/users/second-factor.ts",
      "lib/commentary/",
      "lib/deadlines/",
      "lib/annex-a/",
      "lib/pack/snapshot/content-hash.ts",
    ]) {
      expect(
        MUTATIONS.some((m) => m.file.startsWith(area)),
        area,
      ).toBe(true);
    }
  });

  it("never judges an Annex A rule by the rules' fingerprint, which fails on any edit at all", () => {
    expect(MUTATIONS.filter((m) => m.tests.some((t) => t.includes("rules-version")))).toEqual([]);
  });
});

describe("the checks", () => {
  const read = () => "a < b; a < c;";
  const exists = () => true;
  const base = { id: "x", file: "f.ts", replace: "a <= b", tests: ["t.test.ts"], why: "w" };

  it("refuses text that occurs twice or not at all, and duplicate ids", () => {
    expect(occurrences("a < b; a < c;", "a <")).toBe(2);
    expect(checkMutations([{ ...base, find: "a <" }], { read, exists })).toEqual([expect.stringMatching(/occurs 2 times/)]);
    expect(checkMutations([{ ...base, find: "a > b" }], { read, exists })).toEqual([expect.stringMatching(/occurs 0 times/)]);
    expect(
      checkMutations(
        [
          { ...base, find: "a < b" },
          { ...base, find: "a < c" },
        ],
        { read, exists },
      ),
    ).toEqual(["x: the id is used twice"]);
    expect(checkMutations([{ ...base, find: "a < b", tests: [] }], { read, exists })).toEqual(["x: no tests named"]);
    expect(() => applyMutation("a < b; a < b;", { file: "f.ts", find: "a < b", replace: "a <= b" })).toThrow(/2 times/);
    expect(applyMutation(read(), { file: "f.ts", find: "a < b", replace: "a <= b" })).toBe("a <= b; a < c;");
  });

  it("counts a mutant killed only by a test that passes without it", () => {
    const file = path.join(root, "lib/x.test.ts");
    const report = (status: string) => ({ testResults: [{ name: file, status, assertionResults: [{ fullName: "x works", status }] }] });
    expect(judgeRun({ exitCode: 1, timedOut: false, report: report("failed") })).toEqual({ killed: true, by: ["lib/x.test.ts > x works"] });
    expect(
      judgeRun({
        exitCode: 1,
        timedOut: false,
        report: report("failed"),
        baselineFailures: new Set(["lib/x.test.ts > x works"]),
        baselineExitedCleanly: false,
      }).killed,
    ).toBe(false);
    expect(judgeRun({ exitCode: 0, timedOut: false, report: report("passed") }).killed).toBe(false);
    expect(
      judgeRun({ exitCode: 1, timedOut: false, report: { testResults: [{ name: file, status: "failed", assertionResults: [] }] } }).by,
    ).toEqual(["lib/x.test.ts (did not run)"]);
    expect(judgeRun({ exitCode: null as unknown as number, timedOut: true, report: null }).killed).toBe(true);
  });

  it("puts a mutated file back, keeping anyone else's edit made meanwhile", () => {
    const state = { original: "x\nif (a < b) go();\n", mutated: "x\nif (a <= b) go();\n", find: "a < b", replace: "a <= b" };
    expect(undoMutation(state.mutated, state)).toEqual({ outcome: "restored", text: state.original });
    expect(undoMutation(state.original, state)).toEqual({ outcome: "unchanged", text: state.original });
    expect(undoMutation("// theirs\nx\nif (a <= b) go();\n", state)).toEqual({
      outcome: "collision",
      text: "// theirs\nx\nif (a < b) go();\n",
    });
    expect(undoMutation("rewritten entirely", state)).toEqual({ outcome: "lost", text: null });
  });

  it("follows a test's imports to the files whose edits could change its run", () => {
    const loaded = importClosure(["lib/judgement/rag.test.ts"]);
    expect(loaded.has("lib/judgement/rag.ts")).toBe(true);
    expect(loaded.has("lib/auth/sign-in.ts")).toBe(false);
  });

  it("finds a mutation's text however a formatter has laid it out since", () => {
    const find = "where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] }";
    const wrapped = `const { count } = await db.user.updateMany({
      where: {
        id: user.id,
        OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }],
      },
      data: { totpLastStep: step },
    });`;
    expect(occurrences(wrapped, find)).toBe(1);
    const { text, replaced } = mutate(wrapped, { file: "f.ts", find, replace: "where: { id: user.id }" });
    expect(text).toContain("updateMany({\n      where: { id: user.id },\n      data:");
    expect(replaced).toMatch(/^where: \{\n {8}id: user\.id,/);
    // A real edit still breaks it.
    expect(occurrences(wrapped.replace("lt: step", "lte: step"), find)).toBe(0);
  });
});
