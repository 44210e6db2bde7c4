// The director's live preview of a month's pack (?preview=1), drawn by the same renderer as the
// published pages and kept in memory per period and audience until anything it shows changes (the
// content epoch: lib/pack/delivery/pack-caches.ts). A preview asked again after no change is a lookup.
import "server-only";
import { packViewOf, type chooseVersion } from "@/lib/pack/delivery/find-pack";
import { encodePage, type EncodedPage } from "@/lib/pack/delivery/encoded-page";
import { contentEpoch, EpochCache } from "@/lib/pack/delivery/pack-caches";
import { pdfAvailable } from "@/lib/pack/delivery/pdf-available";
import { renderPackPages } from "@/lib/pack/render/render-pages";
import { previewPageModel, type PackAudience } from "@/lib/pack/render/pack-page-model";

const previews = new EpochCache<EncodedPage>(32);
const inFlight = new Map<string, Promise<EncodedPage>>();

/** The preview a staff choice (chooseVersion with wantPreview) stands for, as `audience` sees it. */
export async function previewPage(choice: ReturnType<typeof chooseVersion>, audience: PackAudience): Promise<EncodedPage> {
  const id = `${choice.period.id}:${audience}`;
  const hit = previews.get(id);
  if (hit) return hit;
  const epoch = contentEpoch();
  const flight = `${id}:${epoch ?? "uncached"}`;
  let job = epoch === null ? undefined : inFlight.get(flight);
  if (!job) {
    job = (async () => {
      const view = await packViewOf(choice);
      if (view.kind !== "preview") throw new Error(`Preview of ${choice.period.month} is not a preview`);
      const [[html]] = await renderPackPages([
        { model: previewPageModel(choice.period.month, view, pdfAvailable()), audiences: [audience] },
      ]);
      // Made again after every change, so a quick Brotli: 2 ms a page, against a second at quality 11.
      const page = await encodePage(html, { brotliQuality: 5 });
      previews.set(id, epoch, page);
      return page;
    })().finally(() => inFlight.delete(flight));
    if (epoch !== null) inFlight.set(flight, job);
  }
  return job;
}
