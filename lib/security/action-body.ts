// Whether a server action's body is one Next.js can decode. Next throws on a malformed one (a 500 and
// "⨯ Error" in the log): multipart with no boundary or cut off before its end, or React's reply
// format pointing at a part that is not there (`["$F1"]`, `"$B1"` in a JSON body). proxy.ts answers
// those 400 first (lib/security/request-guard.ts), and this is the check. The reply format is React's
// (parseModelString in react-server-dom's server): "$" then a tag; some tags are whole values, the rest
// name another part of the body by a hex number, which must be there and be of the right kind.

/** The body's parts by name: a JSON body is part "0" alone. */
export type ActionParts = Map<string, string | Blob>;

/** Tags that are a value in themselves ("$$" escapes a "$"; "$K" is a FormData, empty when none of its fields came). */
const VALUE_TAGS = new Set(["$", "u", "I", "-", "N", "D", "n", "T", "H", "K"]);
/** Tags naming a binary part: a Blob or a typed array's bytes. */
const BLOB_TAGS = new Set("BAOoUSsLlGgMmV".split(""));
/** Streams and iterables: no action of ours takes one. */
const STREAM_TAGS = new Set("RrXx".split(""));
/** Tags naming another JSON part (a promise, a server reference, a Map, a Set, an iterator); any other tag is a plain reference. */
const MODEL_TAGS = new Set("@hQWi".split(""));

const PART_ID = /^[0-9a-f]+$/i;

/** The first problem with a reply's parts, starting from part "0", or null when React can decode it. */
export function findReplyProblem(parts: ActionParts): string | null {
  const seen = new Set<string>();
  const visit = (name: string): string | null => {
    if (seen.has(name)) return null;
    seen.add(name);
    const text = parts.get(name);
    if (typeof text !== "string") return `part ${name} is missing`;
    let model: unknown;
    try {
      model = JSON.parse(text);
    } catch {
      return `part ${name} is not JSON`;
    }
    return walk(model);
  };
  const walk = (value: unknown): string | null => {
    if (typeof value === "string") return value.startsWith("$") ? reference(value) : null;
    if (value && typeof value === "object") {
      for (const v of Array.isArray(value) ? value : Object.values(value)) {
        const problem = walk(v);
        if (problem) return problem;
      }
    }
    return null;
  };
  const reference = (value: string): string | null => {
    const tag = value[1] ?? "";
    if (VALUE_TAGS.has(tag)) return null;
    if (STREAM_TAGS.has(tag)) return `a stream (${value.slice(0, 12)})`;
    const plain = !BLOB_TAGS.has(tag) && !MODEL_TAGS.has(tag);
    const id = (plain ? value.slice(1) : value.slice(2)).split(":")[0];
    if (!PART_ID.test(id)) return `a reference to no part (${value.slice(0, 12)})`;
    const name = String(parseInt(id, 16));
    // Not `instanceof Blob`: the File a parser makes may come from another realm's Blob.
    if (BLOB_TAGS.has(tag))
      return typeof parts.get(name) === "object" ? null : `a reference to a file that is not there (${value.slice(0, 12)})`;
    return visit(name);
  };
  return visit("0");
}

/** The ids a form post without JavaScript names: `$ACTION_ID_<id>`, or `$ACTION_<n>:0` holding `{ "id": ... }`. */
export function formActionIds(form: FormData): { ids: string[]; problem: string | null } {
  const ids: string[] = [];
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION_ID_")) ids.push(key.slice("$ACTION_ID_".length));
    else if (/^\$ACTION_\d+:0$/.test(key)) {
      try {
        const id = (JSON.parse(typeof value === "string" ? value : "") as { id?: unknown }).id;
        if (typeof id !== "string") return { ids, problem: `${key} names no action` };
        ids.push(id);
      } catch {
        return { ids, problem: `${key} is not JSON` };
      }
    }
  }
  return { ids, problem: null };
}

/** A multipart body's parts, or null when it has no boundary or does not parse (cut off, malformed). */
export async function readMultipart(contentType: string, body: Uint8Array): Promise<FormData | null> {
  if (!/;\s*boundary=/i.test(contentType)) return null;
  try {
    return await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData();
  } catch {
    return null;
  }
}

export function partsOf(form: FormData): ActionParts {
  const parts: ActionParts = new Map();
  for (const [key, value] of form.entries()) parts.set(key, value);
  return parts;
}
