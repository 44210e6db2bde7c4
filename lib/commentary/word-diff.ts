// Word-level difference between two revisions, as parts a page can show without colour:
// removed words are struck through with "removed:" for screen readers, added words marked "added:".
import { diffWordsWithSpace } from "diff";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((p) => ({ kind: p.added ? "added" : p.removed ? "removed" : "same", text: p.value }));
}
