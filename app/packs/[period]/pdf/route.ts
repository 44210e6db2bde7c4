// GET /packs/[period]/pdf: the published pack (latest, or ?version=N) as a tagged PDF, made once per
// version by Chromium from the pack's stored page and then served from the PackPdf cache.
import { appConfig } from "@/lib/config/app";
import { defineRoute } from "@/lib/define-route";
import { getPackPdf } from "@/lib/pack/delivery/pdf-pack";
import { pdfAvailable } from "@/lib/pack/delivery/pdf-available";
import { renderPdfFromHtml } from "@/lib/pack/delivery/pdf-render";
import { downloadHeaders, downloadRefusal, packCacheControl, parseVersionParam, plainPage } from "@/lib/pack/delivery/export-http";
import { exportFilename } from "@/lib/pack/delivery/export-names";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const packHref = (month: string) => `/packs/${encodeURIComponent(month)}`;

export const GET = defineRoute<{ period: string }>({
  // Signed in, or anyone when PUBLIC_PACKS=true: getPackPdf decides, as the pack page does.
  permission: "public",
  refuse: ({ status, message }, { params }) => downloadRefusal(status, message, packHref(params.period)),
  handler: async ({ request, user, params: { period: month } }) => {
    const v = parseVersionParam(request.nextUrl.searchParams.get("version"));
    if (!v.ok)
      return plainPage(404, "Page not found", "There is no such version of this pack.", {
        href: packHref(month),
        text: "Read the latest version",
      });
    const render = pdfAvailable() ? renderPdfFromHtml : null;
    const result = await getPackPdf(user, { month, version: v.version }, render);
    const versionHref = `${packHref(month)}?version=${result.version}`;
    if (result.kind === "unavailable" && (result.reason === "busy" || result.reason === "waited")) {
      const why = result.reason === "busy" ? "Several PDFs are being made just now." : "This PDF is still being made.";
      return plainPage(
        503,
        "The PDF is busy",
        `${why} Try again in a minute, or open the pack and print it.`,
        { href: versionHref, text: "Open the pack" },
        { "Retry-After": result.reason === "busy" ? "30" : "10" },
      );
    }
    if (result.kind === "unavailable") {
      const why =
        result.reason === "no-chromium" ? "This server has no Chromium browser to make PDFs." : "The PDF could not be made just now.";
      return plainPage(
        503,
        result.reason === "no-chromium" ? "The PDF cannot be made on this server" : "The PDF could not be made",
        `${why} Open the pack, choose \u201cPrint this pack\u201d and save it as a PDF from the print dialogue: it uses the same print layout.`,
        { href: versionHref, text: "Open the pack to print it" },
        { "Retry-After": result.reason === "no-chromium" ? "3600" : "60" },
      );
    }
    const cacheControl = packCacheControl({
      publicPacks: appConfig.publicPacks,
      published: true,
      versionAddressed: v.version !== undefined,
      personal: !result.shared,
    });
    return new Response(new Uint8Array(result.pdf), {
      headers: downloadHeaders("pdf", exportFilename(appConfig.councilName, month, result.version, "pdf"), cacheControl, result.pdf.length),
    });
  },
});
