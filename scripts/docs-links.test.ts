// The README and docs/ link to each other: every relative link and image must point at a file that
// exists and, where it names an anchor in a Markdown file, at a heading that makes that anchor (by
// GitHub's rules). The README stays a page a newcomer reads at once: under 8 KB, with the two commands.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const README = "README.md";
const README_LIMIT_BYTES = 8 * 1024;

function docsPages(): string[] {
  return fs
    .readdirSync(path.join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/${f}`);
}

/** Fenced code blocks become blank lines (line numbers stay right); nothing in them is a link or heading. */
function withoutFences(markdown: string): string[] {
  let fence: string | null = null;
  return markdown.split("\n").map((line) => {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null && marker) {
      fence = marker;
      return "";
    }
    if (fence !== null) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
      return "";
    }
    return line;
  });
}

/** GitHub's heading anchor: the rendered text in lower case, punctuation removed, spaces to hyphens. */
function githubSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // links and images keep their text
    .replace(/<[^>]+>/g, "") // inline HTML
    .replace(/`/g, ""); // code spans keep their text
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** Every anchor a Markdown file offers: its headings (ATX and setext, duplicates numbered) and HTML ids. */
function anchorsOf(markdown: string): Set<string> {
  const lines = withoutFences(markdown);
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const add = (heading: string) => {
    const base = githubSlug(heading);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  };
  lines.forEach((line, i) => {
    const atx = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (atx) add(atx[1]);
    else if (i > 0 && /^\s{0,3}(=+|-+)\s*$/.test(line) && lines[i - 1].trim() && !/^\s*([-*+]|\d+\.|\||>)/.test(lines[i - 1])) {
      add(lines[i - 1]);
    }
    for (const m of line.matchAll(/<a\s[^>]*\b(?:id|name)="([^"]+)"/g)) anchors.add(m[1]);
  });
  return anchors;
}

type Link = { line: number; target: string };

/** Inline links and images `[text](target)`, `![alt](target "title")`, and reference definitions. */
function linksOf(markdown: string): Link[] {
  const links: Link[] = [];
  withoutFences(markdown).forEach((raw, i) => {
    const line = raw.replace(/`[^`]*`/g, "code"); // brackets inside code spans are not links
    for (const m of line.matchAll(/!?\[(?:[^[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+["'(][^)]*)?\)/g)) {
      links.push({ line: i + 1, target: m[1] });
    }
    const definition = /^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/.exec(line);
    if (definition) links.push({ line: i + 1, target: definition[1] });
  });
  return links;
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//");

/** What is wrong with each relative link of `page` (a path from the repository's root): none, ideally. */
function brokenLinks(page: string, read: (file: string) => string | null = readFromRepo): string[] {
  const markdown = read(page);
  if (markdown === null) return [`${page}: not found`];
  const problems: string[] = [];
  for (const { line, target } of linksOf(markdown)) {
    if (!target) {
      problems.push(`${page}:${line}: empty link`);
      continue;
    }
    if (isExternal(target)) continue;
    const hash = target.indexOf("#");
    const filePart = decodeURIComponent(hash === -1 ? target : target.slice(0, hash));
    const anchor = hash === -1 ? null : decodeURIComponent(target.slice(hash + 1));
    const file =
      filePart === ""
        ? page
        : path.posix.normalize(filePart.startsWith("/") ? filePart.slice(1) : path.posix.join(path.posix.dirname(page), filePart));
    if (file.startsWith("..")) {
      problems.push(`${page}:${line}: ${target} leaves the repository`);
      continue;
    }
    const content = file.endsWith(".md") ? read(file) : existsInRepo(file) ? "" : null;
    if (content === null) {
      problems.push(`${page}:${line}: ${target}: ${file} does not exist`);
      continue;
    }
    if (anchor && file.endsWith(".md") && !anchorsOf(content).has(anchor)) {
      problems.push(`${page}:${line}: ${target}: no heading in ${file} makes the anchor #${anchor}`);
    }
  }
  return problems;
}

function readFromRepo(file: string): string | null {
  const full = path.join(ROOT, file);
  return fs.existsSync(full) && fs.statSync(full).isFile() ? fs.readFileSync(full, "utf8") : null;
}

function existsInRepo(file: string): boolean {
  return fs.existsSync(path.join(ROOT, file));
}

describe("the README", () => {
  const readme = fs.readFileSync(path.join(ROOT, README), "utf8");

  it("is under 8 KB", () => {
    expect(Buffer.byteLength(readme, "utf8")).toBeLessThan(README_LIMIT_BYTES);
  });

  it("gives the two commands, npm run demo and npm test", () => {
    expect(readme).toContain("npm run demo");
    expect(readme).toContain("npm test");
  });

  it("links every page in docs/", () => {
    const linked = new Set(linksOf(readme).map((l) => path.posix.normalize(l.target.split("#")[0])));
    expect(docsPages().filter((p) => !linked.has(p))).toEqual([]);
  });
});

describe("links between the README and docs/", () => {
  it.each([README, ...docsPages()])("every relative link and image in %s resolves", (page) => {
    expect(brokenLinks(page)).toEqual([]);
  });

  it.each(docsPages())("%s links back to the README near its top", (page) => {
    const top = fs.readFileSync(path.join(ROOT, page), "utf8").split("\n").slice(0, 6).join("\n");
    expect(top).toContain("](../README.md)");
  });
});

describe("the link checker itself", () => {
  it("makes GitHub's anchors", () => {
    expect(githubSlug("The panel's cycle: deadlines from the meeting date")).toBe("the-panels-cycle-deadlines-from-the-meeting-date");
    expect(githubSlug("Importing the largest workbook: `npm run bench:import-memory`")).toBe(
      "importing-the-largest-workbook-npm-run-benchimport-memory",
    );
    expect(githubSlug("Real data from day one: history, scorecards and DfE's comparators")).toBe(
      "real-data-from-day-one-history-scorecards-and-dfes-comparators",
    );
    expect(githubSlug("See [Tests](docs/testing.md) (v2.0)")).toBe("see-tests-v20");
    expect([...anchorsOf("# Notes\n\n## Notes\n\nIntro\n---\n\n```\n# not a heading\n```\n")]).toEqual(["notes", "notes-1", "intro"]);
  });

  it("finds links and images, but not inside code", () => {
    const md = 'See [a](x.md#b) and ![pic](img.png "title").\n\n`[c](not-a-link.md)`\n\n```\n[d](nor-this.md)\n```\n[ref]: y.md\n';
    expect(linksOf(md).map((l) => l.target)).toEqual(["x.md#b", "img.png", "y.md"]);
  });

  it("reports a missing file, a missing anchor and nothing for a good link", () => {
    const files: Record<string, string> = {
      "README.md":
        "# Home\n\n[good](docs/a.md#part-one) [self](#home) [web](https://example.org/x#y)\n[gone](docs/missing.md) [bad anchor](docs/a.md#part-three)\n",
      "docs/a.md": "# A\n\n## Part one\n\n[back](../README.md#home)\n",
    };
    const read = (f: string) => files[f] ?? null;
    const problems = brokenLinks("README.md", read);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain("docs/missing.md does not exist");
    expect(problems[1]).toContain("no heading in docs/a.md makes the anchor #part-three");
    expect(brokenLinks("docs/a.md", read)).toEqual([]);
  });
});
