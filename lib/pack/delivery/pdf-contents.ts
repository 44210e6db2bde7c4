// Page numbers for the printed contents. Chromium has no CSS target-counter(), so the PDF is made
// twice: once to learn, from its outline (one bookmark per heading), which page each part starts
// on; then again with those numbers written into the contents. The cover is one page, so the
// numbers cannot move anything after it.
import "server-only";
import { getDocumentProxy } from "unpdf";

type OutlineItem = { title: string; dest: string | unknown[] | null; items: OutlineItem[] };

const norm = (s: string) => s.replace(/\s+/g, " ").trim();

/** The 1-based page each wanted heading starts on, by its text; headings not found are left out. */
export async function headingPages(pdf: Uint8Array, headings: string[]): Promise<Map<string, number>> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  try {
    const outline = ((await doc.getOutline()) ?? []) as OutlineItem[];
    const wanted = new Set(headings.map(norm));
    const found = new Map<string, number>();
    const walk = async (items: OutlineItem[]) => {
      for (const item of items) {
        const title = norm(item.title);
        if (wanted.has(title) && !found.has(title) && item.dest) {
          const dest: unknown[] | null = typeof item.dest === "string" ? await doc.getDestination(item.dest) : item.dest;
          const ref = dest?.[0];
          if (ref && typeof ref === "object") found.set(title, (await doc.getPageIndex(ref as { num: number; gen: number })) + 1);
          else if (typeof ref === "number") found.set(title, ref + 1);
        }
        await walk(item.items ?? []);
      }
    };
    await walk(outline);
    return found;
  } finally {
    await doc.destroy();
  }
}
