// What a pack holds, counted for the director's check pages before sign-off and publication: per
// section its figures, exceptions and commentary, and the things worth a second look (figures not
// available, figures revised after commentary was written). Pure: it reads a snapshot, live or stored.
import type { Rag } from "@/lib/judgement/rag";
import type { PackSnapshot } from "@/lib/pack/snapshot/snapshot-types";

export type PackSummary = {
  sections: {
    name: string;
    slug: string;
    indicators: number;
    exceptions: number;
    commentary: { approvedByName: string | null; authors: string[] } | null;
  }[];
  indicators: number;
  rag: Record<Rag | "NONE", number>;
  exceptions: number;
  /** Actions on exceptions the pack shows as still open. */
  openActions: number;
  recommendations: number;
  notAvailable: { name: string; reason: string }[];
  /** Figures changed after commentary was first submitted: the commentary may describe the old figure. */
  revised: string[];
};

export function summarisePack(snapshot: Pick<PackSnapshot, "sections" | "recommendations">): PackSummary {
  const all = snapshot.sections.flatMap((s) => s.indicators);
  const rag: PackSummary["rag"] = { RED: 0, AMBER: 0, GREEN: 0, NONE: 0 };
  for (const i of all) rag[i.rag ?? "NONE"] += 1;
  return {
    sections: snapshot.sections.map((s) => ({
      name: s.name,
      slug: s.slug,
      indicators: s.indicators.length,
      exceptions: s.indicators.filter((i) => i.exception).length,
      commentary: s.commentary ? { approvedByName: s.commentary.approvedByName, authors: s.commentary.authors.map((a) => a.name) } : null,
    })),
    indicators: all.length,
    rag,
    exceptions: all.filter((i) => i.exception).length,
    openActions: all.flatMap((i) => i.actions ?? []).filter((a) => a.status === "OPEN").length,
    recommendations: snapshot.recommendations?.length ?? 0,
    notAvailable: all.filter((i) => i.value === null && i.notAvailableReason).map((i) => ({ name: i.name, reason: i.notAvailableReason! })),
    revised: all.filter((i) => i.revised).map((i) => i.name),
  };
}

/** "1 indicator", "3 indicators". */
export const countOf = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
