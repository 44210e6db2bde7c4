// Which indicators the pack lists as exceptions for the panel's attention: red against target, or
// worse than both last month and last year. Judgements withheld for a suppressed figure (null here)
// never make an exception, so the list cannot give away what a "c" stands for.
import type { Direction } from "@/lib/judgement/direction";
import type { Rag } from "@/lib/judgement/rag";

export type ExceptionBasis = { rag: Rag | null; vsLastMonth: Direction | null; vsLastYear: Direction | null };

export function isException({ rag, vsLastMonth, vsLastYear }: ExceptionBasis): boolean {
  return rag === "RED" || (vsLastMonth?.verdict === "WORSE" && vsLastYear?.verdict === "WORSE");
}
