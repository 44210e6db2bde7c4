// The pack's words for people who do not work in children's services: a short glossary (its own
// part of the pack, on screen and in print) and the rule that spells each abbreviation out in the
// text where the pack first uses it. An <abbr> title is lost on paper and on touch screens, so the
// words are written out, once, in reading order (issue 26).
import type { PackSnapshot } from "@/lib/pack/snapshot/snapshot-types";

export type GlossaryEntry = {
  term: string;
  meaning: string;
  /** For an abbreviation: what it stands for, written out at its first use ("multi-agency safeguarding hub"). */
  spelledOut?: string;
  /** Its plural as used in indicator names ("ICPCs"), with the plural written out. */
  plural?: { term: string; spelledOut: string };
};

// Alphabetical, as a reader looks a word up. Kept short: the words the July 2019 pack uses.
export const PACK_GLOSSARY: GlossaryEntry[] = [
  { term: "c", meaning: "A number from 1 to 5, not shown to protect children's privacy. Nothing worked out from it is shown either." },
  {
    term: "CIN",
    spelledOut: "child in need",
    meaning: "A child the council assesses as needing its services to be safe, healthy or to develop well.",
  },
  { term: "CLA", spelledOut: "children looked after", meaning: "Children in the council's care; the same as LAC." },
  {
    term: "CP",
    spelledOut: "child protection",
    meaning: "Work to protect a child at risk of significant harm, usually under a child protection plan.",
  },
  {
    term: "DfE",
    spelledOut: "Department for Education",
    meaning:
      "The government department that publishes every council's figures, used here for England, the region and statistical neighbours.",
  },
  { term: "England", meaning: "The figure for all councils in England together, as DfE published it for the year shown." },
  {
    term: "ICPC",
    spelledOut: "initial child protection conference",
    plural: { term: "ICPCs", spelledOut: "initial child protection conferences" },
    meaning: "The first meeting of professionals and the family to decide whether a child needs a child protection plan.",
  },
  {
    term: "JSON with its hash",
    meaning:
      "A download of the pack's figures for computers, with a code worked out from its content at sign-off: if anything in the file is changed, the code no longer matches.",
  },
  { term: "LAC", spelledOut: "looked-after children", meaning: "Children in the council's care; the same as CLA." },
  {
    term: "MASH",
    spelledOut: "multi-agency safeguarding hub",
    meaning: "The team of council, police and health staff that decides what happens to each new contact about a child.",
  },
  { term: "Percentage point", meaning: "The difference between two percentages: from 50% to 55% is up 5 percentage points." },
  {
    term: "RAG",
    spelledOut: "red, amber, green",
    meaning: "The rating of this month's figure against its target: green on target, amber a little short, red further short.",
  },
  {
    term: "SGO",
    spelledOut: "special guardianship order",
    meaning: "A court order that places a child long term with someone other than a parent, often a relative.",
  },
  {
    term: "Statistical neighbours",
    meaning:
      "The 10 councils DfE judges most like this one in their population and need. The pack shows their average, to compare like with like.",
  },
  {
    term: "Target",
    meaning: "The figure the council aims for. \u201cNone\u201d: the indicator is watched but has no target, so it has no RAG rating.",
  },
  {
    term: "Tolerance",
    meaning: "How far short of its target a figure may be and still be rated amber rather than red. It is set for each indicator.",
  },
  { term: "\u2013 (a dash)", meaning: "No rating or no comparison: there is no target, or no earlier figure to compare with." },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const abbreviations = PACK_GLOSSARY.filter((e) => e.spelledOut);

/**
 * Writes out each abbreviation not yet in `seen` at its first use in `text`, and adds it to `seen`:
 * "MASH decisions" -> "MASH (multi-agency safeguarding hub) decisions". Text that already spells
 * it out ("child in need (CIN)") counts as its first use and is left as it is.
 */
export function spellOutFirstUse(text: string, seen: Set<string>): string {
  let out = text;
  for (const e of abbreviations) {
    if (seen.has(e.term)) continue;
    const forms = [
      ...(e.plural ? [{ term: e.plural.term, spelledOut: e.plural.spelledOut }] : []),
      { term: e.term, spelledOut: e.spelledOut! },
    ];
    const re = new RegExp(`(?<![\\p{L}\\p{N}])(${forms.map((f) => escape(f.term)).join("|")})(?![\\p{L}\\p{N}])( \\()?`, "u");
    const m = re.exec(out);
    if (!m) continue;
    seen.add(e.term);
    if (m[2]) continue; // already followed by words in brackets
    if (out[m.index - 1] === "(") continue; // "child in need (CIN)"
    const form = forms.find((f) => f.term === m[1])!;
    const at = m.index + m[1].length;
    out = `${out.slice(0, at)} (${form.spelledOut})${out.slice(at)}`;
  }
  return out;
}

/** The pack's texts with abbreviations written out at first use, in reading order: the summary table's
 * indicator names (the first place most appear), then each section's commentary, then the definitions. */
export type SpelledOutPack = {
  indicatorName: (code: string, name: string) => string;
  commentary: (slug: string, body: string) => string;
  definition: (code: string, text: string) => string;
};

export function spellOutPack(snapshot: Pick<PackSnapshot, "sections">): SpelledOutPack {
  const seen = new Set<string>();
  const names = new Map<string, string>();
  const bodies = new Map<string, string>();
  const definitions = new Map<string, string>();
  for (const s of snapshot.sections) for (const i of s.indicators) names.set(i.code, spellOutFirstUse(i.name, seen));
  for (const s of snapshot.sections) if (s.commentary) bodies.set(s.slug, spellOutFirstUse(s.commentary.body, seen));
  for (const s of snapshot.sections) for (const i of s.indicators) definitions.set(i.code, spellOutFirstUse(i.definition, seen));
  return {
    indicatorName: (code, name) => names.get(code) ?? name,
    commentary: (slug, body) => bodies.get(slug) ?? body,
    definition: (code, text) => definitions.get(code) ?? text,
  };
}
