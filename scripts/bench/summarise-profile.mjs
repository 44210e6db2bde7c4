// Where a V8 CPU profile's time went, as text: the functions and files that spent it themselves (self
// time), and the call paths into the hottest of them. `node scripts/bench/summarise-profile.mjs FILE`
// or from profile-page.mjs. Paths are shortened to node_modules/… and the build's own chunk names.
import fs from "node:fs";

const short = (url) => url.replace(/.*node_modules\//, "nm/").replace(/.*\/\.next[^/]*\//, "") || "(native)";
const frame = (cf) => `${cf.functionName || "(anonymous)"} ${short(cf.url)}:${cf.lineNumber + 1}`;

export function summariseProfile(profile, { top = 25, paths = 5, depth = 10 } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(id, (self.get(id) ?? 0) + dt);
    total += dt;
  });
  const byFunction = new Map();
  const byFile = new Map();
  for (const [id, t] of self) {
    const cf = byId.get(id).callFrame;
    byFunction.set(frame(cf), (byFunction.get(frame(cf)) ?? 0) + t);
    byFile.set(short(cf.url), (byFile.get(short(cf.url)) ?? 0) + t);
  }
  const line = ([k, t]) => `${(t / 1000).toFixed(0).padStart(7)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}`;
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]);
  const out = [`${(total / 1e6).toFixed(1)} s sampled`, "", "Self time by function:", ...sorted(byFunction).slice(0, top).map(line)];
  out.push("", "Self time by file:", ...sorted(byFile).slice(0, top).map(line));
  // The call paths into the hottest functions of our own code and the libraries (not V8's own entries).
  const hottest = sorted(byFunction)
    .filter(([k]) => !k.startsWith("("))
    .slice(0, paths);
  for (const [name] of hottest) {
    const into = new Map();
    for (const [id, t] of self) {
      if (frame(byId.get(id).callFrame) !== name) continue;
      const chain = [];
      for (let cur = parent.get(id); cur != null && chain.length < depth; cur = parent.get(cur)) chain.push(frame(byId.get(cur).callFrame));
      into.set(chain.join(" < "), (into.get(chain.join(" < ")) ?? 0) + t);
    }
    out.push("", `Called into ${name} by:`, ...sorted(into).slice(0, 3).map(line));
  }
  return out.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv[2]) throw new Error("usage: node scripts/bench/summarise-profile.mjs FILE.cpuprofile");
  console.log(summariseProfile(JSON.parse(fs.readFileSync(process.argv[2], "utf8"))));
}
