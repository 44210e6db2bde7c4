// Tests draw pack pages with the same function the renderer's process runs, in their own process: the
// app starts a Node process under tsx for them (about 2 s), which most tests need not pay for. One
// test (lib/pack/render/render-pages.test.ts) still renders through the real process. The renderer
// (React's server renderer and every pack component) is loaded on the first render only: most test
// files never render a page, and each file loads its modules afresh.
import { setPageRenderer } from "@/lib/pack/render/render-pages";
import { packStylesheet, packStylesheetHref } from "@/lib/pack/render/pack-css";

export function drawPagesInProcess(): void {
  setPageRenderer(
    async (jobs) => {
      const { renderPackPageHtml } = await import("@/lib/pack/render/pack-page-html");
      const css = packStylesheetHref();
      return jobs.map((j) => j.audiences.map((a) => renderPackPageHtml(j.model, a, css)));
    },
    async () => (await packStylesheet()).css,
  );
}
