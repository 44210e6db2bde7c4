// The project's Vitest configuration with one mutation applied in memory (scripts/mutation/run.mjs):
// a plugin rewrites the mutated file's source as Vite loads it, so the file on disk never changes and
// nobody else working in the tree (or copying it) ever sees the mutant. The mutation comes in through
// MUTATION (JSON: { file, find, replace }); the plugin writes MUTATION_MARKER once it has applied it,
// so the runner can tell "the tests never loaded the file" from "the tests passed with it mutated".
import fs from "node:fs";
import path from "node:path";
import { mergeConfig, type Plugin } from "vitest/config";
import base from "../../vitest.config";
import { applyMutation, occurrences } from "./check.mjs";

const root = path.resolve(import.meta.dirname, "../..");

function mutationPlugin(): Plugin | null {
  if (!process.env.MUTATION) return null;
  const m = JSON.parse(process.env.MUTATION) as { file: string; find: string; replace: string };
  const target = path.resolve(root, m.file);
  const marker = process.env.MUTATION_MARKER;
  return {
    name: "scrutiny-mutation",
    enforce: "pre",
    transform(code, id) {
      if (id.split("?")[0] !== target) return null;
      if (occurrences(code, m.find) !== 1) {
        if (marker) fs.appendFileSync(marker, "not-unique\n");
        throw new Error(`mutation: the text to replace does not occur exactly once in ${m.file}`);
      }
      if (marker) fs.appendFileSync(marker, "applied\n");
      return { code: applyMutation(code, m), map: null };
    },
  };
}

const plugin = mutationPlugin();
export default mergeConfig(base, { root, plugins: plugin ? [plugin] : [] });
