// Tests draw pack pages with the same function the renderer's process runs, in their own process: the
// app starts a Node process under tsx per publication (about 1.8 s), which most tests need not pay for.
// One test (lib/pack/render/render-pages.test.ts) still renders through the real process.
import { setPageRenderer } from "@/lib/pack/render/render-pages";
import { packStylesheet, packStylesheetHref } from "@/lib/pack/render/pack-css";
import { renderPackPageHtml } from "@/lib/pack/render/pack-page-html";

export function drawPagesInProcess(): void {
  setPageRenderer(
    (jobs) => {
      const css = packStylesheetHref();
      return Promise.resolve(jobs.map((j) => j.audiences.map((a) => renderPackPageHtml(j.model, a, css))));
    },
    async () => (await packStylesheet()).css,
  );
}
